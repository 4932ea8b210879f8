// The answer for one traveller, meant to be seen across the booth: a coloured band (HIT, NO HIT,
// INVALID), what was read from the document, then each hit or each reason it could not be read.
import { Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { choiceLabel, fieldLabel } from '../databases/labels';
import { HitCard, Reasons, STATUS_COLOR } from './Hits';
import type { ItemResult } from './screeningApi';
import { useBureauLabel } from './useBureauLabel';

/** Where the traveller came from: the document's MRZ, or fields an officer typed. */
type Source = 'mrz' | 'fields';

function Read({ item, source }: { item: ItemResult; source: Source }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  const { document: d, person: p } = item;
  const fields: [string, string | undefined, boolean?][] = [
    ['documentNumber', d?.number, true],
    ['issuingCountry', d?.issuingCountry && bureau(d.issuingCountry)],
    ['documentType', d?.type && choiceLabel(t, d.type)],
    ['name', p?.name],
    ['dateOfBirth', p?.dateOfBirth, true],
    ['nationality', p?.nationality && bureau(p.nationality)],
    ['sex', p?.sex && choiceLabel(t, p.sex)],
  ];
  const shown = fields.filter(([, v]) => v);
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} data-testid="result-read">
      <Text size="sm" fw={600} c="dimmed">
        {t(source === 'mrz' ? 'screening.read' : 'screening.entered')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" verticalSpacing={4}>
        {shown.map(([name, value, code]) => (
          <div key={name} data-testid={`read-${name}`}>
            <Text size="xs" c="dimmed">
              {fieldLabel(t, name)}
            </Text>
            <Text fw={600} ff={code ? 'monospace' : undefined} dir={code ? 'ltr' : undefined} ta="start">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function ResultCard({ item, source }: { item: ItemResult; source: Source }) {
  const { t } = useTranslation();
  const hits = item.hits ?? [];
  return (
    <Card withBorder padding="md" data-testid="screen-result" data-status={item.status}>
      <Stack>
        <Paper bg={`${STATUS_COLOR[item.status]}.7`} c="white" p="md" radius="sm" data-testid="result-status">
          <Group justify="space-between" align="center">
            <Title order={3} fz={item.status === 'hit' ? 44 : 32} lh={1.1} data-testid="result-title">
              {t(`screening.status.${item.status}`)}
            </Title>
            {item.status === 'hit' && (
              <Text fz="xl" fw={700} data-testid="hit-count">
                {t('screening.hitCount', { count: hits.length })}
              </Text>
            )}
          </Group>
          <Text mt={4}>{t(`screening.statusHelp.${item.status}`)}</Text>
        </Paper>
        <Read item={item} source={source} />
        {item.reasons && item.reasons.length > 0 && <Reasons reasons={item.reasons} />}
        {hits.map((h) => (
          <HitCard key={`${h.check}:${h.recordId}`} hit={h} />
        ))}
      </Stack>
    </Card>
  );
}
