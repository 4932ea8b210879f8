// Each file of the batch on its own line: reading, sending (how much), matching, done or refused
// with the server's reason and the fields it named.
import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Batch, FileState } from './useUploadBatch';

const STAGE_COLOURS: Record<FileState['stage'], string> = {
  queued: 'gray',
  reading: 'gray',
  sending: 'indigo',
  matching: 'indigo',
  done: 'green',
  failed: 'red',
};

function formatSize(bytes: number, lang: string) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n)} ${units[u]}`;
}

export function UploadProgress({ batch }: { batch: Batch }) {
  const { t, i18n } = useTranslation();
  const done = batch.files.filter((f) => f.stage === 'done').length;
  const failed = batch.files.filter((f) => f.stage === 'failed').length;
  return (
    <Stack gap="xs" data-testid="upload-progress" data-finished={batch.finished}>
      <Text size="sm" fw={600} data-testid="upload-summary">
        {batch.finished
          ? t('icse.upload.finished', { done, failed, count: batch.files.length })
          : t('icse.upload.running', { done: done + failed, count: batch.files.length })}
      </Text>
      <Table striped withTableBorder verticalSpacing={4}>
        <Table.Tbody>
          {batch.files.map((f) => (
            <Table.Tr key={f.key} data-testid="upload-file" data-stage={f.stage}>
              <Table.Td maw={320}>
                <Text size="sm" truncate="end">
                  {f.name}
                </Text>
              </Table.Td>
              <Table.Td w={90}>
                <Text size="xs" c="dimmed">
                  {formatSize(f.size, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td w={260}>
                {f.stage === 'sending' ? (
                  <Progress
                    value={Math.round(f.progress * 100)}
                    aria-label={t('icse.upload.stage.sending')}
                    animated
                  />
                ) : (
                  <Badge color={STAGE_COLOURS[f.stage]} variant="light">
                    {t(`icse.upload.stage.${f.stage}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {f.error && (
                  <Stack gap={0} data-testid="upload-error">
                    <Text size="sm" c="red">
                      {f.error.code === 'network' ? t('icse.upload.networkError') : f.error.detail}
                    </Text>
                    {f.error.fields.map((x) => (
                      <Text key={x} size="xs" c="red.8">
                        {x}
                      </Text>
                    ))}
                  </Stack>
                )}
                {f.stage === 'done' && f.created === false && (
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {t('icse.result.alreadyHeld')}
                    </Text>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
