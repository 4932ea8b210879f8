// /icse/import — a hash list from elsewhere: a Project VIC (VICS) JSON file, or the CSV that
// `meridian pdq` prints. Read in the browser, sent as JSON, matched like uploads; the counts come
// back, or every entry the server refused with its reason. Also the bureau's whole VICS export.
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { IcseNav } from './IcseNav';
import { exportUrl, type ImportSummary, icseApi } from './icseApi';

type Format = 'vics' | 'pdq';
const formatOf = (name: string): Format => (/\.json$/i.test(name) ? 'vics' : 'pdq');
/** Thrown when the chosen VICS file is not JSON at all: said before anything is sent. */
class NotJson extends Error {}

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('vics');
  const send = useMutation({
    mutationFn: async (): Promise<ImportSummary> => {
      const text = await file!.text();
      if (format === 'pdq') return icseApi.importPdq(text);
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        throw new NotJson();
      }
      return icseApi.importVics(doc);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['icse'] }),
  });
  const err = send.error;

  return (
    <Stack maw={1100}>
      <IcseNav />
      <Card withBorder>
        <Stack>
          <Title order={3}>{t('icse.import.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('icse.import.help')}
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t('icse.import.file')}
              accept=".json,.csv,.txt,application/json,text/csv,text/plain"
              value={file}
              onChange={(f) => {
                setFile(f);
                send.reset();
                if (f) setFormat(formatOf(f.name));
              }}
              w={360}
              clearable
              data-testid="import-file"
            />
            <SegmentedControl
              value={format}
              onChange={(v) => setFormat(v as Format)}
              data={[
                { value: 'vics', label: t('icse.import.vics') },
                { value: 'pdq', label: t('icse.import.pdq') },
              ]}
              data-testid="import-format"
            />
            <Button
              onClick={() => send.mutate()}
              disabled={!file}
              loading={send.isPending}
              data-testid="import-start"
            >
              {t('icse.import.start')}
            </Button>
          </Group>
          {send.data && <Summary summary={send.data} />}
          {err instanceof NotJson && <Alert color="red">{t('icse.import.notJson')}</Alert>}
          {err && !(err instanceof NotJson) && (
            <Alert
              color="red"
              title={err instanceof ApiError ? err.detail : String(err)}
              data-testid="import-error"
            >
              {err instanceof ApiError && err.errors.length > 0 && (
                <Table withRowBorders={false} verticalSpacing={2}>
                  <Table.Tbody>
                    {err.errors.slice(0, 100).map((e) => (
                      <Table.Tr key={`${e.field}:${e.message}`} data-testid="import-field-error">
                        <Table.Td ff="monospace" w={260}>
                          {e.field}
                        </Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {err instanceof ApiError && err.errors.length > 100 && (
                <Text size="sm">{t('icse.import.moreErrors', { count: err.errors.length - 100 })}</Text>
              )}
            </Alert>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={4}>{t('icse.import.exportTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('icse.import.exportHelp')}
            </Text>
          </Stack>
          <Button
            component="a"
            href={exportUrl()}
            download="meridian-vics.json"
            variant="default"
            data-testid="export-all"
          >
            {t('icse.import.export')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const figures = [
    ['imported', summary.imported],
    ['skipped', summary.skipped],
    ['matched', summary.matched],
    ['newSeries', summary.newSeries],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-summary">
      {figures.map(([key, n]) => (
        <Card key={key} withBorder padding="sm">
          <Text size="xl" fw={700} data-testid={`import-${key}`}>
            {n}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`icse.import.counts.${key}`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
