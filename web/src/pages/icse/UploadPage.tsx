// /icse: drop media, watch each file go, and read the results grouped by series as they come —
// then, once the batch is done, the server's own grouping of it. Unread notices sit beside.
import { Alert, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone } from './DropZone';
import { groupResults, mergeGroups } from './grouping';
import { IcseNav } from './IcseNav';
import { detailOf, useBatch } from './icseApi';
import { NotificationList } from './NotificationList';
import { RecentMedia } from './RecentMedia';
import { ResultGroups } from './ResultGroups';
import { UploadProgress } from './UploadProgress';
import { useUploadBatch } from './useUploadBatch';

export function UploadPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onFinished = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: ['icse', 'media', 'own'] }),
    [queryClient],
  );
  const { batch, start } = useUploadBatch(onFinished);
  const authoritative = useBatch(batch?.id ?? null, Boolean(batch?.finished));

  const local = useMemo(() => (batch?.files ?? []).flatMap((f) => (f.result ? [f.result] : [])), [batch]);
  const held = useMemo(
    () => new Set((batch?.files ?? []).filter((f) => f.created === false).map((f) => f.result!.media.id)),
    [batch],
  );
  const groups = authoritative.data ? mergeGroups(authoritative.data.groups, local) : groupResults(local);
  const running = Boolean(batch && !batch.finished);

  return (
    <Stack maw={1400}>
      <IcseNav />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <DropZone onFiles={start} disabled={running} />
            {batch && <UploadProgress batch={batch} />}
            {authoritative.error && <Alert color="red">{detailOf(authoritative.error)}</Alert>}
            {groups.length > 0 && (
              <Stack gap="xs">
                <Title order={3}>{t('icse.upload.results')}</Title>
                <Text size="sm" c="dimmed" data-testid="results-source">
                  {authoritative.data ? t('icse.upload.resultsFinal') : t('icse.upload.resultsSoFar')}
                </Text>
                <ResultGroups groups={groups} held={held} />
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Card withBorder>
              <Stack gap="sm">
                <Title order={4}>{t('icse.notifications.unreadTitle')}</Title>
                <NotificationList unreadOnly />
              </Stack>
            </Card>
            <RecentMedia />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
