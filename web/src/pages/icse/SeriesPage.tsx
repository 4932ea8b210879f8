// /icse/series/:id — a series: its status (red while a victim is not identified), victims and
// offenders with who identified them and when, the bureaus holding its media, the media as
// blurred previews, and its VICS export.
import { Alert, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { AddSubjectForm } from './AddSubjectForm';
import { Holders } from './Holders';
import { IcseNav } from './IcseNav';
import { detailOf, exportUrl, useSeries } from './icseApi';
import { MediaGrid } from './MediaGrid';
import { StatusBadge } from './StatusBadge';
import { SubjectsTable } from './SubjectsTable';

export function SeriesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const bureaus = useBureaus();
  const page = useSeries(id);
  const r = page.data;
  const waiting = r?.series.victims.filter((v) => !v.identified) ?? [];

  return (
    <Stack maw={1400}>
      <IcseNav />
      {page.isLoading && <Loader />}
      {page.error && <Alert color="red">{detailOf(page.error)}</Alert>}
      {r && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={3} data-testid="series-title" dir="auto">
                  {r.series.name}
                </Title>
                <StatusBadge status={r.series.status} size="lg" />
              </Group>
              <Text size="sm" c="dimmed">
                {t('icse.series.opened', {
                  bureau: bureaus.label(r.series.ownerBureau),
                  at: formatTime(r.series.createdAt),
                })}
              </Text>
            </Stack>
            <Button
              component="a"
              href={exportUrl(r.series.id)}
              download={`vics-${r.series.id}.json`}
              variant="default"
              data-testid="series-export"
            >
              {t('icse.series.export')}
            </Button>
          </Group>
          {r.series.description && (
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {r.series.description}
            </Text>
          )}
          {waiting.length > 0 && (
            <Alert color="red" title={t('icse.group.dangerTitle')} data-testid="series-danger">
              {t('icse.group.danger', { victims: waiting.map((v) => v.label).join(', ') })}
            </Alert>
          )}
          {r.series.victims.length === 0 && (
            <Alert color="orange" variant="light">
              {t('icse.series.noVictimYet')}
            </Alert>
          )}
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.series.victims')}
                  </Title>
                  <SubjectsTable subjectRole="victim" subjects={r.series.victims} />
                </Card>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.series.offenders')}
                  </Title>
                  <SubjectsTable subjectRole="offender" subjects={r.series.offenders} />
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack>
                <Card withBorder>
                  <Title order={4} mb="xs">
                    {t('icse.holders.title')}
                  </Title>
                  <Holders holders={r.holders} />
                </Card>
                <AddSubjectForm seriesId={r.series.id} />
              </Stack>
            </Grid.Col>
          </Grid>
          <Title order={4}>{t('icse.series.media', { count: r.series.mediaCount })}</Title>
          <MediaGrid media={r.media} />
        </>
      )}
    </Stack>
  );
}
