import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { type ApiKey, api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { CreateCard, useCreateForm } from './CreateCard';
import { act, useRefresh, useUnits } from './useAdminData';

export function ApiKeysTab({ bureau }: { bureau: string }) {
  const { t } = useTranslation();
  const units = useUnits(bureau);
  const keys = useQuery({
    queryKey: ['apiKeys', bureau],
    queryFn: () => api.get<{ items: ApiKey[] }>(`/bureaus/${bureau}/api-keys`),
    enabled: Boolean(bureau),
  });
  const refresh = useRefresh('apiKeys', bureau);
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [caps, setCaps] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const activeUnits = (units.data?.items ?? []).filter((u) => u.active);
  const unitCaps = activeUnits.find((u) => u.id === unitId)?.capabilities ?? [];
  const unitName = (id: string) => units.data?.items.find((u) => u.id === id)?.name ?? id;

  const { error, onSubmit } = useCreateForm(async () => {
    const res = await api.create<ApiKey & { key: string }>(`/bureaus/${bureau}/api-keys`, {
      name,
      unitId,
      capabilities: caps,
    });
    setCreated(res.key);
    setName('');
    setCaps([]);
    await refresh();
  });

  return (
    <Stack>
      <CreateCard
        title={t('admin.apiKeys.new')}
        submitLabel={t('admin.apiKeys.create')}
        submitTestId="apikey-create"
        error={error}
        onSubmit={onSubmit}
      >
        <TextInput
          label={t('admin.apiKeys.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={error?.fieldMessage('name')}
          data-testid="apikey-name"
        />
        <Select
          label={t('admin.apiKeys.unit')}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setCaps([]);
          }}
          data={activeUnits.map((u) => ({ value: u.id, label: u.name }))}
          error={error?.fieldMessage('unitId')}
          data-testid="apikey-unit"
        />
        <MultiSelect
          searchable
          label={t('admin.apiKeys.capabilities')}
          value={caps}
          onChange={setCaps}
          miw={240}
          data={unitCaps.map((c) => ({ value: c, label: t(`capabilities.${c}`) }))}
          error={error?.fieldMessage('capabilities')}
          data-testid="apikey-capabilities"
        />
      </CreateCard>
      {keys.data?.items.length === 0 && <Text c="dimmed">{t('admin.apiKeys.empty')}</Text>}
      {(keys.data?.items.length ?? 0) > 0 && (
        <DataTable
          testId="apikeys-table"
          headers={[
            t('admin.apiKeys.name'),
            t('admin.apiKeys.unit'),
            t('admin.apiKeys.prefix'),
            t('admin.apiKeys.capabilities'),
            t('admin.apiKeys.lastUsed'),
            t('admin.status'),
            t('admin.actions'),
          ]}
        >
          {keys.data?.items.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>{k.name}</Table.Td>
              <Table.Td>{unitName(k.unitId)}</Table.Td>
              <Table.Td>
                <Code dir="ltr">mk_{k.prefix}_…</Code>
              </Table.Td>
              <Table.Td>{k.capabilities.map((c) => t(`capabilities.${c}`)).join(', ')}</Table.Td>
              <Table.Td>{k.lastUsedAt ? formatTime(k.lastUsedAt) : t('admin.apiKeys.never')}</Table.Td>
              <Table.Td>
                <Badge color={k.revokedAt ? 'gray' : 'green'}>
                  {k.revokedAt ? t('admin.apiKeys.revoked') : t('admin.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {!k.revokedAt && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(k)}>
                    {t('admin.apiKeys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}

      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={t('admin.apiKeys.keyTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        <Stack>
          <Alert color="yellow">{t('admin.apiKeys.shownOnce')}</Alert>
          <Code
            block
            dir="ltr"
            data-testid="apikey-secret"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          >
            {created}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created ?? ''}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('admin.apiKeys.copied') : t('admin.apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={() => setCreated(null)} data-testid="apikey-close">
              {t('admin.apiKeys.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('admin.apiKeys.revoke')}>
        <Stack>
          <Text>{t('admin.apiKeys.confirmRevoke', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              data-testid="apikey-revoke-confirm"
              onClick={() => {
                const k = revoking;
                setRevoking(null);
                if (k) void act(() => api.post(`/bureaus/${bureau}/api-keys/${k.id}/revoke`), refresh);
              }}
            >
              {t('admin.apiKeys.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
