// Import a CSV or JSON Lines file into one database: the file is read in the browser and sent as
// text, the server works in the background, and the page polls it for progress, then shows the
// counts and every rejected row with the reason. Export downloads what the bureau may see.
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError, api } from '../../lib/api';
import { dbName, recordFieldLabel } from './labels';
import type { ImportDto } from './recordsApi';

const POLL_MS = 500;
const formatOf = (name: string) => (/\.(jsonl|ndjson|json)$/i.test(name) ? 'jsonl' : 'csv');

export function ImportPage() {
  const { t } = useTranslation();
  const { db } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('csv');
  const [mode, setMode] = useState('all_or_nothing');
  const [job, setJob] = useState<ImportDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(
      () =>
        api.get<ImportDto>(`/imports/${job.id}`).then(setJob, (e) => {
          setError(e instanceof ApiError ? e.detail : String(e));
          // Try again: the job goes on whether or not this page hears of it.
          setJob({ ...job });
        }),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [job]);

  const choose = (f: File | null) => {
    setFile(f);
    if (f) setFormat(formatOf(f.name));
  };
  const start = async () => {
    if (!file) return;
    setError(null);
    setJob(null);
    try {
      const content = await file.text();
      setJob(await api.post<ImportDto>(`/databases/${db}/imports`, { format, mode, content }));
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  const running = job?.status === 'running';
  const percent = job && job.total > 0 ? Math.min(100, (job.processed / job.total) * 100) : 0;
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('records.import.title', { db: dbName(t, db ?? '') })}</Title>
      <Text size="sm" c="dimmed">
        {t('records.import.help')}
      </Text>
      <Card withBorder>
        <Stack>
          <FileInput
            label={t('records.import.file')}
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            value={file}
            onChange={choose}
            data-testid="import-file"
          />
          <Group>
            <SegmentedControl
              value={format}
              onChange={setFormat}
              data={[
                { value: 'csv', label: t('records.import.csv') },
                { value: 'jsonl', label: t('records.import.jsonl') },
              ]}
              data-testid="import-format"
            />
            <SegmentedControl
              value={mode}
              onChange={setMode}
              data={[
                { value: 'all_or_nothing', label: t('records.import.allOrNothing') },
                { value: 'valid_rows', label: t('records.import.validRows') },
              ]}
              data-testid="import-mode"
            />
          </Group>
          <Group>
            <Button onClick={start} disabled={!file || running} loading={running} data-testid="start-import">
              {t('records.import.start')}
            </Button>
            <Button
              variant="subtle"
              component="a"
              href={`/api/v1/databases/${db}/export?format=csv`}
              download
            >
              {t('records.import.exportCsv')}
            </Button>
            <Button
              variant="subtle"
              component="a"
              href={`/api/v1/databases/${db}/export?format=jsonl`}
              download
            >
              {t('records.import.exportJsonl')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && <Alert color="red">{error}</Alert>}
      {job && (
        <Card withBorder data-testid="import-report">
          <Stack>
            <Progress
              value={running ? percent : 100}
              animated={running}
              color={job.status === 'done' ? 'green' : running ? 'indigo' : 'red'}
            />
            <Group justify="space-between">
              <Text fw={600} data-testid="import-status">
                {t(`records.import.status.${job.status}`)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('records.import.progress', { processed: job.processed, total: job.total })}
              </Text>
            </Group>
            {job.error && <Alert color="red">{job.error}</Alert>}
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              {(['processed', 'created', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`records.import.counts.${k}`)}
                  </Text>
                  <Text fw={600} data-testid={`import-${k}`}>
                    {job[k]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {job.rows.length > 0 && (
              <DataTable
                headers={[t('records.import.row'), t('records.envelope.reference'), t('records.import.why')]}
                testId="rejected-rows"
              >
                {job.rows.map((r) => (
                  <Table.Tr key={r.row ?? r.line}>
                    <Table.Td>{r.row ?? r.line}</Table.Td>
                    <Table.Td>{r.reference ?? '—'}</Table.Td>
                    <Table.Td>
                      {r.errors.map((e) => (
                        <Text key={`${e.field}:${e.message}`} size="sm">
                          {recordFieldLabel(t, e.field)} ({e.field}): {e.message}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
