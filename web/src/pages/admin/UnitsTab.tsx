import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Unit } from '../../lib/api';
import { act, useMeta, useRefresh, useUnits } from './useAdminData';

export function UnitsTab({ bureau }: { bureau: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const units = useUnits(bureau);
  const refresh = useRefresh('units', bureau);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('border_post');
  const [caps, setCaps] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.create<Unit>(`/bureaus/${bureau}/units`, { name, kind, capabilities: caps });
      setName('');
      setCaps([]);
      await act(async () => {}, refresh);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };

  const toggle = (u: Unit) =>
    act(() => api.patch(`/bureaus/${bureau}/units/${u.id}`, { active: !u.active }, u.version), refresh);

  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={create}>
          <Title order={5} mb="sm">
            {t('admin.units.new')}
          </Title>
          <Group align="flex-end" wrap="wrap">
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
              data-testid="unit-capabilities"
            />
            <Button type="submit" data-testid="unit-create">
              {t('admin.units.create')}
            </Button>
          </Group>
          {error && !error.errors.length && (
            <Text c="red" size="sm" mt="xs">
              {error.detail}
            </Text>
          )}
        </form>
      </Card>
      {units.data?.items.length === 0 && <Text c="dimmed">{t('admin.units.empty')}</Text>}
      {(units.data?.items.length ?? 0) > 0 && (
        <Table striped data-testid="units-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.units.name')}</Table.Th>
              <Table.Th>{t('admin.units.kind')}</Table.Th>
              <Table.Th>{t('admin.units.capabilities')}</Table.Th>
              <Table.Th>{t('admin.status')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
