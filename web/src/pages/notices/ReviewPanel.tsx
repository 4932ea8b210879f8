// Review assistance for the General Secretariat reviewer: the flags the server raises on a request
// (neutrality, red-notice criteria, refugee status, possible duplicates), problems first. They point
// to what to look at; the decision stays the reviewer's.
import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { pathLabel } from '../databases/labels';
import type { ReviewFlag } from './noticesApi';

const SEVERITIES = ['problem', 'warning', 'info'] as const;
const COLOURS = { problem: 'red', warning: 'orange', info: 'blue' } as const;

export function ReviewPanel({ noticeId, version }: { noticeId: string; version: number }) {
  const { t } = useTranslation();
  const review = useQuery({
    queryKey: ['notice-review', noticeId, version],
    queryFn: () => api.get<{ flags: ReviewFlag[] }>(`/notices/${noticeId}/review`),
  });
  const flags = review.data?.flags ?? [];
  return (
    <Card
      withBorder
      data-testid="review-panel"
      style={{ borderInlineStart: '4px solid var(--mantine-color-indigo-6)' }}
    >
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('notices.review.title')}</Title>
        <Group gap={4}>
          {SEVERITIES.map((s) => {
            const n = flags.filter((f) => f.severity === s).length;
            return n > 0 ? (
              <Badge key={s} color={COLOURS[s]} data-testid={`review-count-${s}`}>
                {t(`notices.review.severity.${s}`)}: {n}
              </Badge>
            ) : null;
          })}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notices.review.intro')}
      </Text>
      {review.isLoading ? (
        <Loader size="sm" />
      ) : review.error ? (
        <Alert color="red">
          {review.error instanceof ApiError ? review.error.detail : String(review.error)}
        </Alert>
      ) : flags.length === 0 ? (
        <Alert color="green" data-testid="review-none">
          {t('notices.review.none')}
        </Alert>
      ) : (
        <Stack gap="xs">
          {SEVERITIES.flatMap((s) =>
            flags
              .filter((f) => f.severity === s)
              .map((f, i) => (
                <Alert
                  // biome-ignore lint/suspicious/noArrayIndexKey: a code may repeat (two charges)
                  key={`${f.code}:${i}`}
                  color={COLOURS[s]}
                  variant="light"
                  data-testid="review-flag"
                  data-code={f.code}
                  data-severity={f.severity}
                  title={
                    <Group gap="xs">
                      <Badge size="xs" color={COLOURS[s]} variant="filled">
                        {t(`notices.review.severityOne.${s}`)}
                      </Badge>
                      <span>{t(`notices.review.codes.${f.code}`, { defaultValue: f.code })}</span>
                    </Group>
                  }
                >
                  <Text size="sm" dir="auto">
                    {f.message}
                  </Text>
                  {f.field && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('notices.review.field', { field: pathLabel(t, f.field) })}
                    </Text>
                  )}
                </Alert>
              )),
          )}
        </Stack>
      )}
    </Card>
  );
}
