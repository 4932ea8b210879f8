// The public extracts of red, yellow and UN notices: a tab per kind, the search form, a page of
// cards. Everything the list shows is in the URL (?kind=&name=&page=…), so a search can be
// shared, and going back from a notice finds the same page.
import {
  Alert,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  Pagination,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { PortraitPlaceholder, PublicLayout } from './PublicLayout';
import { PublicNoticeFilters } from './PublicNoticeFilters';
import {
  ageOf,
  countryName,
  FILTERS,
  type Filters,
  formatBirth,
  isKind,
  KINDS,
  listNotices,
  localPath,
  type NoticeSummary,
  type PublicKind,
  RESULTS_PER_PAGE,
  urlId,
} from './publicApi';

export const KIND_COLOUR: Record<PublicKind, string> = { red: 'red', yellow: 'yellow', un: 'blue' };

export function PublicNoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: PublicKind = isKind(kindParam) ? kindParam : 'red';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL's text is the identity of the filters
  const filters = useMemo<Filters>(() => {
    const f: Filters = {};
    for (const name of FILTERS) {
      const v = params.get(name);
      if (v) f[name] = v;
    }
    return f;
  }, [key]);

  const go = (next: { kind?: PublicKind; filters?: Filters; page?: number }) => {
    const k = next.kind ?? kind;
    const p = new URLSearchParams({ kind: k });
    for (const [name, v] of Object.entries(next.filters ?? filters)) {
      if (v && (name !== 'arrestWarrantCountryId' || k === 'red')) p.set(name, v);
    }
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };

  const list = useQuery({
    queryKey: ['public-notices', kind, filters, page],
    queryFn: () => listNotices(kind, filters, page),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const error = list.error instanceof ApiError ? list.error : null;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / RESULTS_PER_PAGE)) : 1;

  return (
    <PublicLayout>
      <Stack gap="md">
        <Tabs value={kind} onChange={(k) => isKind(k) && go({ kind: k, page: 1 })} keepMounted={false}>
          <Tabs.List>
            {KINDS.map((k) => (
              <Tabs.Tab key={k} value={k} data-testid={`public-tab-${k}`} color={KIND_COLOUR[k]}>
                {t(`publicNotices.kinds.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Text size="sm" c="dimmed">
          {t(`publicNotices.purpose.${kind}`)}
        </Text>
        <PublicNoticeFilters
          kind={kind}
          value={filters}
          onSearch={(f) => go({ filters: f, page: 1 })}
          error={error}
        />
        {list.isError && (
          <Alert color="red" data-testid="public-error">
            {t('publicNotices.error', { detail: error?.detail ?? String(list.error) })}
          </Alert>
        )}
        {list.isPending && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {list.data && (
          <>
            <Group justify="space-between">
              <Title order={2} fz="h4" data-testid="public-total">
                {t('publicNotices.total', { n: list.data.total })}
              </Title>
              {pages > 1 && (
                <Text size="sm" c="dimmed">
                  {t('publicNotices.pageOf', { page, pages })}
                </Text>
              )}
            </Group>
            {list.data._embedded.notices.length === 0 ? (
              <Alert color="gray" data-testid="public-empty">
                {t('publicNotices.empty')}
              </Alert>
            ) : (
              <SimpleGrid
                cols={{ base: 1, xs: 2, sm: 3, md: 4, lg: 5 }}
                spacing="md"
                data-testid="public-grid"
              >
                {list.data._embedded.notices.map((n) => (
                  <NoticeCard key={n.entity_id} kind={kind} notice={n} from={key} />
                ))}
              </SimpleGrid>
            )}
            {pages > 1 && (
              <Center>
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => go({ page: p })}
                  data-testid="public-pages"
                />
              </Center>
            )}
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}

function NoticeCard({ kind, notice: n, from }: { kind: PublicKind; notice: NoticeSummary; from: string }) {
  const { t, i18n } = useTranslation();
  const age = ageOf(n.date_of_birth);
  const fullName = [n.name, n.forename].filter(Boolean).join(', ');
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      component={Link}
      to={`/public/notices/${kind}/${urlId(n.entity_id)}`}
      state={{ from }}
      data-testid="public-card"
      data-entity={n.entity_id}
      style={{ borderTop: `4px solid var(--mantine-color-${KIND_COLOUR[kind]}-6)` }}
    >
      <Card.Section>
        <div style={{ aspectRatio: '4 / 5', overflow: 'hidden', background: 'var(--mantine-color-gray-2)' }}>
          {n._links.thumbnail ? (
            <img
              src={localPath(n._links.thumbnail.href)}
              alt={t('publicNotices.photoOf', { name: fullName })}
              style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
              loading="lazy"
              data-testid="public-card-photo"
            />
          ) : (
            <PortraitPlaceholder label={t('publicNotices.noPhoto')} />
          )}
        </div>
      </Card.Section>
      <Stack gap={2} mt="sm">
        <Text fw={700} size="md" lh={1.2} data-testid="public-card-name">
          <bdi>{n.name}</bdi>
        </Text>
        <Text size="sm" lh={1.2}>
          <bdi>{n.forename ? titleCase(n.forename) : ''}</bdi>
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {age !== null
            ? t('publicNotices.ageBorn', { age, date: formatBirth(n.date_of_birth, i18n.language) })
            : n.date_of_birth
              ? t('publicNotices.born', { date: formatBirth(n.date_of_birth, i18n.language) })
              : t('publicNotices.unknownBirth')}
        </Text>
        <Group gap={4} mt={4}>
          {n.nationalities.map((c) => (
            <Badge key={c} size="xs" variant="light" color="gray" title={countryName(c, i18n.language)}>
              {countryName(c, i18n.language)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          <bdi>{n.entity_id}</bdi>
        </Text>
      </Stack>
    </Card>
  );
}

/** "THIERRY PAUL" → "Thierry Paul", as a forename reads under a family name in capitals. */
export function titleCase(s: string): string {
  return s
    .toLocaleLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase());
}
