// Administration of a bureau: its units, users and API keys. A bureau administrator manages
// their own bureau; a General Secretariat administrator picks any bureau.
import { Select, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Bureau } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { bureauName } from '../../lib/format';
import { ApiKeysTab } from './ApiKeysTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

export function AdminPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const gsAdmin = principal?.roles.includes('gs_admin') ?? false;
  const [bureau, setBureau] = useState(principal?.bureau.code ?? '');
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    enabled: gsAdmin,
  });
  if (!principal) return null;
  return (
    <Stack>
      <Title order={2}>{t('admin.title')}</Title>
      {gsAdmin && (
        <Select
          label={t('admin.bureau')}
          searchable
          maw={360}
          value={bureau}
          allowDeselect={false}
          onChange={(v) => v && setBureau(v)}
          data={(bureaus.data?.items ?? []).map((b) => ({
            value: b.code,
            label: `${bureauName(b.names, b.code)} (${b.code})`,
          }))}
          data-testid="bureau-picker"
        />
      )}
      <Tabs defaultValue="units" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="units" data-testid="tab-units">
            {t('admin.tabs.units')}
          </Tabs.Tab>
          <Tabs.Tab value="users" data-testid="tab-users">
            {t('admin.tabs.users')}
          </Tabs.Tab>
          <Tabs.Tab value="apiKeys" data-testid="tab-api-keys">
            {t('admin.tabs.apiKeys')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units" pt="md">
          <UnitsTab bureau={bureau} />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab bureau={bureau} />
        </Tabs.Panel>
        <Tabs.Panel value="apiKeys" pt="md">
          <ApiKeysTab bureau={bureau} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
