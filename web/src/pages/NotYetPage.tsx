import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A capability that a later release delivers: said plainly, nothing simulated. */
export function NotYetPage({ navKey }: { navKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={2}>{t(navKey)}</Title>
      <Alert color="gray" title={t('notYet.title')} data-testid="not-yet">
        {t('notYet.body', { capability: t(navKey) })}
      </Alert>
    </Stack>
  );
}
