// One record: what the access policy lets the officer see — the record with its data, files and
// history, or only that it exists and which bureau to contact.
import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { Attachments } from './Attachments';
import { History } from './History';
import { choiceLabel, dbName, pathLabel } from './labels';
import { RecordActions } from './RecordActions';
import { RecordData } from './RecordData';
import { SharingBadge } from './RecordList';
import { type RecordDto, type RecordExists, useDatabase } from './recordsApi';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* Free text may be in another script than the console's: let it choose its direction. */}
      <Text size="sm" dir="auto">
        {value}
      </Text>
    </div>
  );
}

export function ExistsNotice({ record }: { record: RecordExists }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('records.exists.title')} data-testid="record-exists">
      {t('records.exists.body', { db: dbName(t, record.database), owner: record.ownerBureau })}
    </Alert>
  );
}

export function RecordPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const record = useQuery({
    queryKey: ['record', id],
    queryFn: () => api.get<RecordDto | RecordExists>(`/records/${id}`),
    retry: false,
  });
  const { database } = useDatabase(record.data?.database);
  if (record.isLoading) return <Loader />;
  if (record.error) {
    const e = record.error;
    return <Alert color="red">{e instanceof ApiError ? e.detail : String(e)}</Alert>;
  }
  const r = record.data!;
  if (r.access === 'exists') return <ExistsNotice record={r} />;
  const owner =
    principal?.bureau.code === r.ownerBureau &&
    principal.roles.some((x) => x === 'officer' || x === 'supervisor');
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {dbName(t, r.database)} · {r.reference}
          </Text>
          <Title order={2} data-testid="record-title">
            {r.label}
          </Title>
          <Group gap="xs">
            <Badge color={r.status === 'active' ? 'green' : 'gray'}>
              {r.status === 'active'
                ? t('records.status.active')
                : t('records.status.closed', { reason: choiceLabel(t, r.closeReason ?? '') })}
            </Badge>
            <SharingBadge record={r} />
          </Group>
        </Stack>
        {owner && database && <RecordActions record={r} database={database} />}
      </Group>
      {r.warnings.length > 0 && (
        <Alert color="yellow" title={t('records.warnings')} data-testid="record-warnings">
          {r.warnings.map((w) => (
            <Text key={`${w.field}:${w.message}`} size="sm">
              {pathLabel(t, w.field)}: {w.message}
            </Text>
          ))}
        </Alert>
      )}
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{t('records.tabs.data')}</Tabs.Tab>
          <Tabs.Tab value="files">{t('records.tabs.files')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('records.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <RecordData data={r.data} schema={database?.schema} />
            </Card>
            <Card withBorder>
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={t('records.list.owner')} value={r.ownerBureau} />
                <Fact label={t('records.envelope.purpose')} value={r.purpose} />
                <Fact label={t('records.envelope.legalBasis')} value={r.legalBasis ?? '—'} />
                <Fact label={t('records.envelope.reviewDate')} value={r.reviewDate} />
                <Fact
                  label={t('records.envelope.sourceReliability')}
                  value={t(`records.reliability.${r.sourceReliability}`)}
                />
                <Fact
                  label={t('records.envelope.infoAccuracy')}
                  value={t(`records.accuracy.${r.infoAccuracy}`)}
                />
                <Fact
                  label={t('records.facts.created')}
                  value={`${formatTime(r.createdAt)} · ${r.createdBy}`}
                />
                <Fact
                  label={t('records.facts.updated')}
                  value={`${formatTime(r.updatedAt)} · ${r.updatedBy} (v${r.version})`}
                />
              </SimpleGrid>
            </Card>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <Attachments recordId={r.id} owner={owner} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History recordId={r.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
