import { Badge, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { api, type Unit } from '../../lib/api';
import { CreateCard, useCreateForm } from './CreateCard';
import { act, useMeta, useRefresh, useUnits } from './useAdminData';

export function UnitsTab({ bureau }: { bureau: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const units = useUnits(bureau);
  const refresh = useRefresh('units', bureau);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('border_post');
  const [caps, setCaps] = useState<string[]>([]);
  const { error, onSubmit } = useCreateForm(async () => {
    await api.create<Unit>(`/bureaus/${bureau}/units`, { name, kind, capabilities: caps });
    setName('');
    setCaps([]);
    await act(async () => {}, refresh);
  });

  const toggle = (u: Unit) =>
    act(() => api.patch(`/bureaus/${bureau}/units/${u.id}`, { active: !u.active }, u.version), refresh);

  return (
    <Stack>
      <CreateCard
        title={t('admin.units.new')}
        submitLabel={t('admin.units.create')}
        submitTestId="unit-create"
        error={error}
        onSubmit={onSubmit}
      >
        <TextInput
          label={t('admin.units.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={error?.fieldMessage('name')}
          data-testid="unit-name"
        />
        <Select
          label={t('admin.units.kind')}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          data={(meta.data?.unitKinds ?? []).map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
          error={error?.fieldMessage('kind')}
          data-testid="unit-kind"
        />
        <MultiSelect
          searchable
          label={t('admin.units.capabilities')}
          value={caps}
          onChange={setCaps}
          miw={260}
          data={(meta.data?.capabilities ?? []).map((c) => ({ value: c, label: t(`capabilities.${c}`) }))}
          error={error?.fieldMessage('capabilities')}
        />
      </CreateCard>
      {units.data?.items.length === 0 && <Text c="dimmed">{t('admin.units.empty')}</Text>}
      {(units.data?.items.length ?? 0) > 0 && (
        <DataTable
          testId="units-table"
          headers={[
            t('admin.units.name'),
            t('admin.units.kind'),
            t('admin.units.capabilities'),
            t('admin.status'),
            t('admin.actions'),
          ]}
        >
          {units.data?.items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>{t(`unitKinds.${u.kind}`, { defaultValue: u.kind })}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.capabilities.map((c) => (
                    <Badge key={c} variant="outline" size="sm">
                      {t(`capabilities.${c}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={u.active ? 'green' : 'gray'}>
                  {u.active ? t('admin.active') : t('admin.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => void toggle(u)}>
                  {u.active ? t('admin.units.deactivate') : t('admin.units.activate')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
