// /icse/media/:id — one medium: its blurred preview (the original only on a reveal), its hashes,
// what it matched, the series it belongs to, and, for the bureau that holds it, its classification.
import { Alert, Anchor, Card, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { BlurredPreview } from './BlurredPreview';
import { ClassifyForm } from './ClassifyForm';
import { IcseNav } from './IcseNav';
import { detailOf, type Media, useMedium } from './icseApi';
import { MatchesTable } from './MatchesTable';
import { RevealButton } from './RevealButton';
import { CategoryBadge, StatusBadge, SubjectBadge } from './StatusBadge';

export function MediumPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const bureaus = useBureaus();
  const medium = useMedium(id);
  const r = medium.data;

  return (
    <Stack maw={1400}>
      <IcseNav />
      {medium.isLoading && <Loader />}
      {medium.error && <Alert color="red">{detailOf(medium.error)}</Alert>}
      {r && (
        <>
          <Group gap="sm">
            <Title order={3} data-testid="medium-name" dir="auto">
              {r.media.fileName ?? t(`icse.source.${r.media.source}`)}
            </Title>
            <StatusBadge status={r.status} size="lg" />
            <CategoryBadge category={r.media.category} />
          </Group>
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Card withBorder>
                <Stack align="center">
                  <BlurredPreview media={r.media} size={300} />
                  <RevealButton media={r.media} size="sm" />
                  <Text size="xs" c="dimmed" ta="center">
                    {t('icse.blurNote')}
                  </Text>
                </Stack>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.medium.about')}
                  </Title>
                  <Facts media={r.media} ownerLabel={bureaus.label(r.media.ownerBureau)} />
                </Card>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.medium.series')}
                  </Title>
                  {r.series.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('icse.medium.noSeries')}
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      {r.series.map((s) => (
                        <Group key={s.id} gap="sm" data-testid="medium-series">
                          <Anchor component={Link} to={`/icse/series/${s.id}`} fw={600}>
                            {s.name}
                          </Anchor>
                          <StatusBadge status={s.status} size="sm" short />
                          {s.victims.map((v) => (
                            <Group key={v.id} gap={4}>
                              <Anchor component={Link} to={`/icse/subjects/${v.id}`} size="sm">
                                {v.label}
                              </Anchor>
                              <SubjectBadge subject={v} />
                            </Group>
                          ))}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Card>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.medium.matches')}
                  </Title>
                  <MatchesTable matches={r.matches} series={r.series} />
                </Card>
                {principal?.bureau.code === r.media.ownerBureau ? (
                  <ClassifyForm key={r.media.version} result={r} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('icse.classify.ownerOnly', { bureau: bureaus.label(r.media.ownerBureau) })}
                  </Text>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function Facts({ media, ownerLabel }: { media: Media; ownerLabel: string }) {
  const { t } = useTranslation();
  const rows: [string, string | null, boolean?][] = [
    [t('icse.medium.kind'), t(`icse.kind.${media.kind}`)],
    [t('icse.medium.source'), t(`icse.source.${media.source}`)],
    [t('icse.medium.owner'), ownerLabel],
    [t('icse.medium.added'), formatTime(media.createdAt)],
    [t('icse.medium.size'), media.size === null ? null : t('icse.medium.bytes', { count: media.size })],
    ['MD5', media.md5, true],
    ['SHA-1', media.sha1, true],
    ['SHA-256', media.sha256, true],
    [
      'PDQ',
      media.pdq ? `${media.pdq}  (${t('icse.medium.quality', { quality: media.quality ?? '—' })})` : null,
      true,
    ],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="medium-facts">
      <Table.Tbody>
        {rows.map(([label, value, mono]) => (
          <Table.Tr key={label}>
            <Table.Th w={120}>
              <Text size="sm">{label}</Text>
            </Table.Th>
            <Table.Td>
              <Text
                size={mono ? 'xs' : 'sm'}
                ff={mono ? 'monospace' : undefined}
                style={{ wordBreak: 'break-all' }}
                dir="auto"
              >
                {value ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
