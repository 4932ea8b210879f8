import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type User } from '../../lib/api';
import { act, useMeta, useRefresh, useUnits } from './useAdminData';

const EMPTY = { username: '', displayName: '', password: '', roles: ['officer'], unitId: '' };

export function UsersTab({ bureau }: { bureau: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const units = useUnits(bureau);
  const users = useQuery({
    queryKey: ['users', bureau],
    queryFn: () => api.get<{ items: User[] }>(`/bureaus/${bureau}/users`),
    enabled: Boolean(bureau),
  });
  const refresh = useRefresh('users', bureau);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const roleChoices = (meta.data?.roles ?? [])
    .filter((r) => r !== 'system' && (bureau === 'XG' || !r.startsWith('gs_')))
    .map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const unitName = (id: string | null) =>
    units.data?.items.find((u) => u.id === id)?.name ?? t('admin.users.noUnit');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.create(`/bureaus/${bureau}/users`, { ...form, unitId: form.unitId || null });
      setForm(EMPTY);
      await act(async () => {}, refresh);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };

  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={create}>
          <Title order={5} mb="sm">
            {t('admin.users.new')}
          </Title>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('admin.users.username')}
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
              required
              dir="ltr"
              error={error?.fieldMessage('username')}
            />
            <TextInput
              label={t('admin.users.displayName')}
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
              required
              error={error?.fieldMessage('displayName')}
            />
            <PasswordInput
              label={t('admin.users.password')}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              required
              miw={260}
              error={error?.fieldMessage('password')}
            />
            <MultiSelect
              searchable
              label={t('admin.users.roles')}
              value={form.roles}
              onChange={(roles) => setForm({ ...form, roles })}
              data={roleChoices}
              miw={220}
              error={error?.fieldMessage('roles')}
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
            />
          </Group>
          <Button type="submit" mt="md">
            {t('admin.users.create')}
          </Button>
          {error && !error.errors.length && (
            <Text c="red" size="sm" mt="xs">
              {error.detail}
            </Text>
          )}
        </form>
      </Card>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.username')}</Table.Th>
            <Table.Th>{t('admin.users.displayName')}</Table.Th>
            <Table.Th>{t('admin.users.roles')}</Table.Th>
            <Table.Th>{t('admin.users.unit')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th>{t('admin.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td dir="ltr">{u.username}</Table.Td>
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
                <Group gap={4} wrap="nowrap">
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
                  {u.totpEnabled && (
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
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
