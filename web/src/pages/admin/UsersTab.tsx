import {
  Badge,
  Button,
  Group,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { api, type User } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { CreateCard, useCreateForm } from './CreateCard';
import { act, useMeta, useRefresh, useUnits } from './useAdminData';

const EMPTY = { username: '', displayName: '', password: '', roles: ['officer'], unitId: '' };

export function UsersTab({ bureau }: { bureau: string }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const meta = useMeta();
  const units = useUnits(bureau);
  const users = useQuery({
    queryKey: ['users', bureau],
    queryFn: () => api.get<{ items: User[] }>(`/bureaus/${bureau}/users`),
    enabled: Boolean(bureau),
  });
  const refresh = useRefresh('users', bureau);
  const [form, setForm] = useState(EMPTY);
  const roleChoices = (meta.data?.roles ?? [])
    .filter((r) => r !== 'system' && (bureau === 'XG' || !r.startsWith('gs_')))
    .map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const unitName = (id: string | null) =>
    units.data?.items.find((u) => u.id === id)?.name ?? t('admin.users.noUnit');

  const { error, onSubmit } = useCreateForm(async () => {
    await api.create(`/bureaus/${bureau}/users`, { ...form, unitId: form.unitId || null });
    setForm(EMPTY);
    await act(async () => {}, refresh);
  });

  return (
    <Stack>
      <CreateCard
        title={t('admin.users.new')}
        submitLabel={t('admin.users.create')}
        submitTestId="user-create"
        error={error}
        onSubmit={onSubmit}
      >
        <TextInput
          label={t('admin.users.username')}
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
          required
          dir="ltr"
          error={error?.fieldMessage('username')}
          data-testid="user-username"
        />
        <TextInput
          label={t('admin.users.displayName')}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
          required
          error={error?.fieldMessage('displayName')}
          data-testid="user-display-name"
        />
        <PasswordInput
          label={t('admin.users.password')}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          required
          miw={260}
          error={error?.fieldMessage('password')}
          data-testid="user-password"
        />
        <MultiSelect
          searchable
          label={t('admin.users.roles')}
          value={form.roles}
          onChange={(roles) => setForm({ ...form, roles })}
          data={roleChoices}
          miw={220}
          error={error?.fieldMessage('roles')}
          data-testid="user-roles"
        />
        <Select
          label={t('admin.users.unit')}
          value={form.unitId}
          onChange={(v) => setForm({ ...form, unitId: v ?? '' })}
          data={[
            { value: '', label: t('admin.users.noUnit') },
            ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          error={error?.fieldMessage('unitId')}
          data-testid="user-unit"
        />
      </CreateCard>
      <DataTable
        testId="users-table"
        headers={[
          t('admin.users.username'),
          t('admin.users.displayName'),
          t('admin.users.roles'),
          t('admin.users.unit'),
          t('admin.status'),
          t('admin.actions'),
        ]}
      >
        {users.data?.items.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
              {u.username}
            </Table.Td>
            <Table.Td>{u.displayName}</Table.Td>
            <Table.Td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
            <Table.Td>{unitName(u.unitId)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge color={u.active ? 'green' : 'gray'}>
                  {u.active ? t('admin.active') : t('admin.inactive')}
                </Badge>
                {u.totpEnabled && <Badge variant="outline">{t('admin.users.totp')}</Badge>}
                {u.locked && <Badge color="red">{t('admin.users.locked')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>
              {/* End-aligned, so "Deactivate" lines up down the column; never offered on oneself. */}
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {u.locked && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      void act(() => api.post(`/bureaus/${bureau}/users/${u.id}/unlock`), refresh)
                    }
                  >
                    {t('admin.users.unlock')}
                  </Button>
                )}
                {u.totpEnabled && u.id !== principal?.id && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      void act(() => api.post(`/bureaus/${bureau}/users/${u.id}/reset-totp`), refresh)
                    }
                  >
                    {t('admin.users.resetTotp')}
                  </Button>
                )}
                {u.id !== principal?.id && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color={u.active ? 'red' : 'green'}
                    onClick={() =>
                      void act(
                        () => api.patch(`/bureaus/${bureau}/users/${u.id}`, { active: !u.active }, u.version),
                        refresh,
                      )
                    }
                  >
                    {u.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
