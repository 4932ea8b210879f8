// Border screening in the console: one traveller from the document's MRZ (or typed fields), or a
// whole manifest from a CSV file, checked against the stolen and lost travel documents and the
// persons sought, through POST /screening/travellers (docs/screening-api.md).
import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayScreen, useAuth } from '../../lib/auth';
import { FieldsCheck } from './FieldsCheck';
import { ManifestPanel } from './ManifestPanel';
import { MrzCheck } from './MrzCheck';

export function ScreeningPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  return (
    <Stack maw={1100}>
      <Title order={2} data-testid="screening-title">
        {t('screening.title')}
      </Title>
      <Text c="dimmed">{t('screening.intro')}</Text>
      {!mayScreen(principal) ? (
        <Alert color="gray" data-testid="screening-not-allowed">
          {t('screening.notAllowed')}
        </Alert>
      ) : (
        <Tabs defaultValue="mrz" keepMounted>
          <Tabs.List mb="md">
            <Tabs.Tab value="mrz" data-testid="screening-tab-mrz">
              {t('screening.tabs.mrz')}
            </Tabs.Tab>
            <Tabs.Tab value="fields" data-testid="screening-tab-fields">
              {t('screening.tabs.fields')}
            </Tabs.Tab>
            <Tabs.Tab value="manifest" data-testid="screening-tab-manifest">
              {t('screening.tabs.manifest')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mrz">
            <MrzCheck />
          </Tabs.Panel>
          <Tabs.Panel value="fields">
            <FieldsCheck />
          </Tabs.Panel>
          <Tabs.Panel value="manifest">
            <ManifestPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
