// Import a CSV or JSON Lines file into one database: the server works in the background, the
// page shows its progress and then every rejected row with the reason.
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
import { dbName } from './labels';
import type { ImportDto } from './recordsApi';

export function ImportPage() {
  const { t } = useTranslation();
  const { db } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState('all_or_nothing');
  const [job, setJob] = useState<ImportDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(async () => setJob(await api.get<ImportDto>(`/imports/${job.id}`)), 500);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    if (!file) return;
    setError(null);
    try {
      const format = /\.(jsonl|ndjson)$/i.test(file.name) ? 'jsonl' : 'csv';
      setJob(
        await api.post<ImportDto>(`/databases/${db}/imports`, { format, mode, content: await file.text() }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  };
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
            accept=".csv,.jsonl,.ndjson,text/csv"
            value={file}
            onChange={setFile}
            data-testid="import-file"
          />
          <SegmentedControl
            w="fit-content"
            value={mode}
            onChange={setMode}
            data={[
              { value: 'all_or_nothing', label: t('records.import.allOrNothing') },
              { value: 'valid_rows', label: t('records.import.validRows') },
            ]}
          />
          <Group>
            <Button onClick={start} disabled={!file || job?.status === 'running'} data-testid="start-import">
              {t('records.import.start')}
            </Button>
            <Button variant="subtle" component="a" href={`/api/v1/databases/${db}/export?format=csv`}>
              {t('records.import.exportCsv')}
            </Button>
            <Button variant="subtle" component="a" href={`/api/v1/databases/${db}/export?format=jsonl`}>
              {t('records.import.exportJsonl')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && <Alert color="red">{error}</Alert>}
      {job && (
        <Card withBorder data-testid="import-report">
          <Stack>
            <Progress value={job.status === 'running' ? percent : 100} animated={job.status === 'running'} />
            <Text fw={600} data-testid="import-status">
              {t(`records.import.status.${job.status}`)}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              {(['processed', 'created', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`records.import.counts.${k}`)}
                  </Text>
                  <Text fw={600}>{job[k]}</Text>
                </div>
              ))}
            </SimpleGrid>
            {job.rows.length > 0 && (
              <DataTable
                headers={[t('records.import.row'), t('records.envelope.reference'), t('records.import.why')]}
                testId="rejected-rows"
              >
                {job.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.reference ?? '—'}</Table.Td>
                    <Table.Td>{r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}</Table.Td>
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
