// One public extract: every field the web service gives, by kind — the arrest warrants of a red
// notice, the disappearance of a yellow one, the sanctions of a UN one — and its photos.
import {
  Alert,
  Anchor,
  Badge,
  Center,
  Divider,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { PortraitPlaceholder, PublicLayout } from './PublicLayout';
import { KIND_COLOUR, titleCase } from './PublicNoticesPage';
import {
  ageOf,
  countryName,
  formatBirth,
  isKind,
  localPath,
  type NoticeDetail,
  noticeImages,
  type PublicKind,
  readNotice,
} from './publicApi';

export function PublicNoticeDetailPage() {
  const { t } = useTranslation();
  const { kind: kindParam = '', id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const kind: PublicKind | null = isKind(kindParam) ? kindParam : null;
  const valid = kind !== null && /^\d{4}-\d{5}$/.test(id);
  const notice = useQuery({
    queryKey: ['public-notice', kind, id],
    queryFn: () => readNotice(kind!, id),
    enabled: valid,
    retry: false,
  });
  const images = useQuery({
    queryKey: ['public-notice-images', kind, id],
    queryFn: () => noticeImages(kind!, id),
    enabled: valid && notice.isSuccess,
    retry: false,
  });
  const back = `/public/notices?${from ?? new URLSearchParams({ kind: kind ?? 'red' }).toString()}`;
  const notFound = !valid || (notice.error instanceof ApiError && notice.error.status === 404);

  return (
    <PublicLayout>
      <Stack gap="md">
        <Anchor component={Link} to={back} size="sm" data-testid="public-back">
          {t('publicNotices.back')}
        </Anchor>
        {notFound && (
          <Alert color="gray" data-testid="public-not-found">
            {t('publicNotices.notFound')}
          </Alert>
        )}
        {!notFound && notice.isError && (
          <Alert color="red" data-testid="public-error">
            {t('publicNotices.error', {
              detail: notice.error instanceof ApiError ? notice.error.detail : String(notice.error),
            })}
          </Alert>
        )}
        {valid && notice.isPending && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {kind && notice.data && (
          <Detail
            kind={kind}
            n={notice.data}
            photos={(images.data?._embedded.images ?? []).map((i) => localPath(i._links.self.href))}
          />
        )}
      </Stack>
    </PublicLayout>
  );
}

function Detail({ kind, n, photos }: { kind: PublicKind; n: NoticeDetail; photos: string[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = (c: string | null | undefined) => (c ? `${countryName(c, lang)} (${c})` : null);
  const list = (xs: string[] | null | undefined) => (xs && xs.length > 0 ? xs.join(', ') : null);
  const age = ageOf(n.date_of_birth);
  const fullName = [n.name, n.forename ? titleCase(n.forename) : null].filter(Boolean).join(', ');
  const [main, ...more] = photos;

  const identity: [string, ReactNode][] = [
    ['name', n.name],
    ['forename', n.forename ? titleCase(n.forename) : null],
    ['sex', n.sex_id ? t(`publicNotices.sex.${n.sex_id}`) : null],
    [
      'dateOfBirth',
      n.date_of_birth
        ? `${formatBirth(n.date_of_birth, lang)}${age !== null ? ` · ${t('publicNotices.age', { age })}` : ''}`
        : null,
    ],
    ['placeOfBirth', n.place_of_birth],
    ['countryOfBirth', country(n.country_of_birth_id)],
    ['nationalities', n.nationalities.map((c) => country(c)).join(', ') || null],
  ];
  const description: [string, ReactNode][] = [
    ['height', n.height ? t('publicNotices.metres', { value: n.height.toFixed(2) }) : null],
    ['weight', n.weight ? t('publicNotices.kilograms', { value: n.weight }) : null],
    ['eyes', list(n.eyes_colors_id)],
    ['hair', list(n.hairs_id)],
    ['marks', n.distinguishing_marks],
    ['languages', list(n.languages_spoken_ids)],
  ];

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      data-testid="public-detail"
      style={{ borderTop: `6px solid var(--mantine-color-${KIND_COLOUR[kind]}-6)` }}
    >
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <Stack gap="sm">
            <div
              style={{
                aspectRatio: '4 / 5',
                borderRadius: 8,
                overflow: 'hidden',
                background: 'var(--mantine-color-gray-2)',
              }}
            >
              {main ? (
                <img
                  src={main}
                  alt={t('publicNotices.photoOf', { name: fullName })}
                  style={{ width: '100%', height: '100%', objectFit: 'cover' }}
                  data-testid="public-photo"
                />
              ) : (
                <PortraitPlaceholder label={t('publicNotices.noPhoto')} />
              )}
            </div>
            {more.length > 0 && (
              <SimpleGrid cols={3} spacing={6}>
                {more.map((src) => (
                  <img
                    key={src}
                    src={src}
                    alt={t('publicNotices.photoOf', { name: fullName })}
                    style={{ width: '100%', borderRadius: 4 }}
                    data-testid="public-photo"
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          <Stack gap="md">
            <Group gap="sm">
              <Badge color={KIND_COLOUR[kind]} variant="filled" data-testid="public-kind">
                {t(`publicNotices.kind.${kind}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                <bdi>{n.entity_id}</bdi>
              </Text>
            </Group>
            <Title order={2} data-testid="public-detail-name">
              <bdi>{fullName}</bdi>
            </Title>
            <Fields title={t('publicNotices.sections.identity')} rows={identity} />
            <Fields title={t('publicNotices.sections.description')} rows={description} />
            {kind === 'red' && <Charges n={n} />}
            {kind === 'yellow' && (
              <Fields
                title={t('publicNotices.sections.disappearance')}
                rows={[
                  ['dateOfEvent', n.date_of_event ? formatBirth(n.date_of_event, lang) : null],
                  ['place', n.place],
                  ['country', country(n.country)],
                ]}
              />
            )}
            {kind === 'un' && (
              <Fields
                title={t('publicNotices.sections.sanctions')}
                rows={[
                  ['unReference', n.un_reference],
                  ['unCommittee', n.un_committee],
                  ['unMeasures', list(n.un_measures)],
                  ['unListedOn', n.un_listed_on ? formatBirth(n.un_listed_on, lang) : null],
                ]}
              />
            )}
            <Divider />
            <Text size="sm" c="dimmed" data-testid="public-contact">
              {t(`publicNotices.contact.${kind}`)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function Fields({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  const { t } = useTranslation();
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={3} fz="h5" c="indigo.8">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={6}>
        {shown.map(([k, v]) => (
          <div key={k} data-testid={`public-field-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`publicNotices.fields.${k}`)}
            </Text>
            <Text size="sm">
              <bdi>{v}</bdi>
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Charges({ n }: { n: NoticeDetail }) {
  const { t, i18n } = useTranslation();
  const warrants = n.arrest_warrants ?? [];
  if (warrants.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={3} fz="h5" c="indigo.8">
        {t('publicNotices.sections.charges')}
      </Title>
      <Table withTableBorder data-testid="public-charges">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('publicNotices.fields.charge')}</Table.Th>
            <Table.Th>{t('publicNotices.fields.warrantCountry')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {warrants.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same charge may be listed twice
            <Table.Tr key={i}>
              <Table.Td>
                <bdi>{w.charge_translation ?? w.charge}</bdi>
              </Table.Td>
              <Table.Td>
                {w.issuing_country_id
                  ? `${countryName(w.issuing_country_id, i18n.language)} (${w.issuing_country_id})`
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
