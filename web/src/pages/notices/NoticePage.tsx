// One notice or diffusion: a header in its type's colour, what the person may do with it now, its
// data section by section, photos, the facts of its journey, its steps, the printable PDF in the
// four languages, and for a General Secretariat reviewer the review assistance.
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { LANGUAGES } from '../../lib/i18n';
import { useBureauLabel } from '../screening/useBureauLabel';
import { NoticeActions } from './NoticeActions';
import { StatusBadge, TypeLabel } from './NoticeBadges';
import { NoticeData } from './NoticeData';
import { NoticePhotos } from './NoticePhotos';
import { NoticeTimeline } from './NoticeTimeline';
import { colourOf, formatDay, isGsReviewer, type NoticeDto, showsReview, useNoticeTypes } from './noticesApi';
import { ReviewPanel } from './ReviewPanel';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">
        <bdi>{value}</bdi>
      </Text>
    </div>
  );
}

const FINAL = ['refused', 'cancelled', 'withdrawn', 'expired'];
/** Statuses a reason explains: the bureau reads why, without opening the steps. */
const EXPLAINED = ['refused', 'info_requested', 'cancelled', 'withdrawn'];

function Reason({ notice }: { notice: NoticeDto }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  if (!EXPLAINED.includes(notice.status)) return null;
  const last = [...notice.steps].reverse().find((s) => s.toStatus === notice.status && s.comment);
  if (!last) return null;
  return (
    <Alert
      color={notice.status === 'info_requested' ? 'orange' : 'red'}
      title={t(`notices.detail.reason.${notice.status}`, { bureau: bureau(last.actorBureau) })}
      data-testid="notice-reason"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <bdi>{last.comment}</bdi>
      </Text>
    </Alert>
  );
}

function Header({ notice }: { notice: NoticeDto }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  const c = colourOf(notice.type);
  return (
    <Box
      p="md"
      style={{ background: c.bg, color: c.ink, borderRadius: 8 }}
      data-testid="notice-header"
      data-type={notice.type}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={600} tt="uppercase" style={{ letterSpacing: 0.5 }}>
            {t(`notices.types.${notice.type}.name`)} · {t(`notices.kinds.${notice.kind}`)}
          </Text>
          <Title order={2} dir="auto" data-testid="notice-title" style={{ color: 'inherit' }}>
            {notice.title}
          </Title>
          <Text size="sm">
            {t('notices.detail.requestedBy', { bureau: bureau(notice.requestingBureau) })}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <StatusBadge kind={notice.kind} status={notice.status} variant="white" />
          <Text size="sm">{t('notices.detail.controlNumber')}</Text>
          {notice.controlNumber ? (
            <Text fw={700} size="lg" ff="monospace" dir="ltr" data-testid="control-number">
              {notice.controlNumber}
            </Text>
          ) : (
            <Text fw={600} data-testid="control-number">
              {FINAL.includes(notice.status) ? '—' : t('notices.detail.noControlNumber')}
            </Text>
          )}
        </Stack>
      </Group>
    </Box>
  );
}

export function NoticePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const bureau = useBureauLabel();
  const types = useNoticeTypes();
  const notice = useQuery({
    queryKey: ['notice', id],
    queryFn: () => api.get<NoticeDto>(`/notices/${id}`),
    retry: false,
  });
  if (notice.isLoading) return <Loader />;
  if (notice.error) {
    const e = notice.error;
    return <Alert color="red">{e instanceof ApiError ? e.detail : String(e)}</Alert>;
  }
  const n = notice.data!;
  const schema = types.data?.items.find((x) => x.type === n.type)?.schema;
  const day = (iso: string | null) => formatDay(iso, i18n.language);
  return (
    <Stack maw={1300}>
      <Header notice={n} />
      <Group justify="space-between" align="flex-start">
        <NoticeActions notice={n} />
        <Group gap="xs">
          {n.editable && (
            <Button variant="default" component={Link} to={`/notices/${n.id}/edit`} data-testid="edit-notice">
              {t('notices.detail.edit')}
            </Button>
          )}
          <Text size="sm" c="dimmed">
            {t('notices.detail.pdf')}
          </Text>
          {LANGUAGES.map((l) => (
            <Button
              key={l.code}
              size="xs"
              variant="light"
              component="a"
              href={`/api/v1/notices/${n.id}/pdf?lang=${l.code}`}
              target="_blank"
              rel="noopener"
              lang={l.code}
              data-testid={`pdf-${l.code}`}
            >
              {l.label}
            </Button>
          ))}
        </Group>
      </Group>
      <Reason notice={n} />
      {isGsReviewer(principal) && showsReview(n) && <ReviewPanel noticeId={n.id} version={n.version} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <NoticeData data={n.data} schema={schema} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <NoticePhotos notice={n} />
            <Card withBorder data-testid="notice-facts">
              <Title order={4} mb="sm">
                {t('notices.detail.facts')}
              </Title>
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={t('notices.detail.type')} value={t(`notices.types.${n.type}.name`)} />
                <Fact label={t('notices.detail.kind')} value={t(`notices.kinds.${n.kind}`)} />
                <Fact label={t('notices.detail.created')} value={day(n.createdAt)} />
                <Fact label={t('notices.detail.updated')} value={formatTime(n.updatedAt)} />
                <Fact label={t('notices.detail.submitted')} value={day(n.submittedAt)} />
                <Fact
                  label={t(n.kind === 'diffusion' ? 'notices.detail.sent' : 'notices.detail.published')}
                  value={day(n.publishedAt)}
                />
                <Fact label={t('notices.detail.reviewDate')} value={day(n.reviewDate)} />
                <Fact label={t('notices.detail.reviewer')} value={n.reviewer ?? '—'} />
                <Fact label={t('notices.form.handling')} value={t(`records.handling.${n.handling}`)} />
                <Fact
                  label={t('notices.form.language')}
                  value={LANGUAGES.find((l) => l.code === n.language)?.label ?? n.language}
                />
                {n.kind === 'notice' && (
                  <Fact
                    label={t('notices.detail.publicExtract')}
                    value={n.publicExtract ? t('common.yes') : t('common.no')}
                    testId="fact-publicExtract"
                  />
                )}
              </SimpleGrid>
              {n.kind === 'diffusion' && (
                <Stack gap={4} mt="sm">
                  <Text size="xs" c="dimmed">
                    {t('notices.form.recipients')}
                  </Text>
                  <Group gap={4} data-testid="recipients">
                    {n.recipients.map((r) => (
                      <Badge key={r} variant="outline" tt="none">
                        {bureau(r)}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('notices.detail.timeline')}
              </Title>
              <NoticeTimeline steps={n.steps} kind={n.kind} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Group>
        <TypeLabel type={n.type} size="xs" />
        <Text size="xs" c="dimmed">
          {t(`notices.types.${n.type}.purpose`)}
        </Text>
      </Group>
    </Stack>
  );
}
