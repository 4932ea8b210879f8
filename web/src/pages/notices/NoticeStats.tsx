// For the General Secretariat: how many notices and diffusions there are, by type, status and
// year (GET /notices/stats), as a table with a bar per type in the type's colour.
import {
  Alert,
  Box,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { TypeLabel } from './NoticeBadges';
import { colourOf, NOTICE_STATUSES, NOTICE_TYPES, type NoticeCount } from './noticesApi';

export function NoticeStats() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('all');
  const [year, setYear] = useState<string | null>(null);
  const stats = useQuery({
    queryKey: ['notice-stats'],
    queryFn: () => api.get<{ items: NoticeCount[] }>('/notices/stats'),
  });
  if (stats.isLoading) return <Loader />;
  if (stats.error) {
    return (
      <Alert color="red">{stats.error instanceof ApiError ? stats.error.detail : String(stats.error)}</Alert>
    );
  }
  const all = stats.data?.items ?? [];
  const years = [...new Set(all.map((c) => c.year))].sort((a, b) => b - a);
  const rows = all.filter((c) => (kind === 'all' || c.kind === kind) && (!year || String(c.year) === year));
  const count = (f: (c: NoticeCount) => boolean) => rows.filter(f).reduce((s, c) => s + c.count, 0);
  const statuses = NOTICE_STATUSES.filter((s) => rows.some((c) => c.status === s));
  const types = NOTICE_TYPES.filter((ty) => rows.some((c) => c.type === ty));
  const total = count(() => true);
  const max = Math.max(1, ...types.map((ty) => count((c) => c.type === ty)));
  return (
    <Stack data-testid="notice-stats">
      <Group align="flex-end">
        <SegmentedControl
          value={kind}
          onChange={setKind}
          data={[
            { value: 'all', label: t('notices.list.all') },
            { value: 'notice', label: t('notices.kinds.notice') },
            { value: 'diffusion', label: t('notices.kinds.diffusion') },
          ]}
        />
        <Select
          label={t('notices.stats.year')}
          placeholder={t('notices.stats.allYears')}
          clearable
          w={160}
          data={years.map(String)}
          value={year}
          onChange={setYear}
        />
      </Group>
      {total === 0 ? (
        <Text c="dimmed">{t('notices.stats.empty')}</Text>
      ) : (
        <>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('notices.stats.byType')}
            </Title>
            <Table.ScrollContainer minWidth={600}>
              <Table striped data-testid="stats-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('notices.list.type')}</Table.Th>
                    {statuses.map((s) => (
                      <Table.Th key={s} ta="end">
                        {t(`notices.statuses.${s}`)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="end">{t('notices.stats.total')}</Table.Th>
                    <Table.Th w="30%" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {types.map((ty) => {
                    const n = count((c) => c.type === ty);
                    return (
                      <Table.Tr key={ty} data-testid={`stats-${ty}`}>
                        <Table.Td>
                          <TypeLabel type={ty} />
                        </Table.Td>
                        {statuses.map((s) => (
                          <Table.Td key={s} ta="end">
                            {count((c) => c.type === ty && c.status === s) || '·'}
                          </Table.Td>
                        ))}
                        <Table.Td ta="end" fw={700} data-testid="stats-total">
                          {n}
                        </Table.Td>
                        <Table.Td>
                          <Box
                            h={12}
                            w={`${(100 * n) / max}%`}
                            style={{ background: colourOf(ty).bg, borderRadius: 2 }}
                            aria-hidden
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  <Table.Tr>
                    <Table.Td fw={700}>{t('notices.stats.total')}</Table.Td>
                    {statuses.map((s) => (
                      <Table.Td key={s} ta="end" fw={700}>
                        {count((c) => c.status === s)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="end" fw={700}>
                      {total}
                    </Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder maw={480}>
            <Title order={4} mb="sm">
              {t('notices.stats.byYear')}
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notices.stats.year')}</Table.Th>
                  <Table.Th ta="end">{t('notices.kinds.notice')}</Table.Th>
                  <Table.Th ta="end">{t('notices.kinds.diffusion')}</Table.Th>
                  <Table.Th ta="end">{t('notices.stats.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years
                  .filter((y) => !year || String(y) === year)
                  .map((y) => (
                    <Table.Tr key={y}>
                      <Table.Td>{y}</Table.Td>
                      <Table.Td ta="end">{count((c) => c.year === y && c.kind === 'notice')}</Table.Td>
                      <Table.Td ta="end">{count((c) => c.year === y && c.kind === 'diffusion')}</Table.Td>
                      <Table.Td ta="end" fw={700}>
                        {count((c) => c.year === y)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Card>
        </>
      )}
    </Stack>
  );
}
