// Results grouped by series, in the server's order: a known series whose victim is not yet
// identified first, in red, with who she is not yet; then identified victims, known media, new.
import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBureaus } from '../messages/useBureaus';
import type { BatchGroup } from './icseApi';
import { ResultCard } from './ResultCard';
import { STATUS_COLOURS, StatusBadge } from './StatusBadge';

export function ResultGroups({ groups, held }: { groups: BatchGroup[]; held?: Set<string> }) {
  return (
    <Stack data-testid="result-groups">
      {groups.map((g) => (
        <ResultGroup key={g.key} group={g} held={held} />
      ))}
    </Stack>
  );
}

function ResultGroup({ group, held }: { group: BatchGroup; held?: Set<string> }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const { series } = group;
  const waiting = series?.victims.filter((v) => !v.identified) ?? [];
  const identified = series?.victims.filter((v) => v.identified) ?? [];
  return (
    <Card
      withBorder
      padding="md"
      style={{ borderColor: `var(--mantine-color-${STATUS_COLOURS[group.status]}-5)`, borderWidth: 2 }}
      data-testid="result-group"
      data-status={group.status}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <StatusBadge status={group.status} size="lg" />
            <Title order={4}>
              {series ? (
                <Anchor component={Link} to={`/icse/series/${series.id}`} data-testid="group-series">
                  {series.name}
                </Anchor>
              ) : (
                t(`icse.group.${group.status}`)
              )}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t('icse.group.count', { count: group.items.length })}
            {series && ` · ${t('icse.group.owner', { bureau: bureaus.label(series.ownerBureau) })}`}
          </Text>
        </Group>
        {series && waiting.length > 0 && (
          <Alert color="red" variant="light" title={t('icse.group.dangerTitle')} data-testid="group-danger">
            {t('icse.group.danger', { victims: waiting.map((v) => v.label).join(', ') })}
          </Alert>
        )}
        {series && identified.length > 0 && (
          <Text size="sm" c="green.8">
            {identified
              .map((v) =>
                t('icse.group.identified', {
                  victim: v.label,
                  bureau: bureaus.label(v.identifiedByBureau ?? ''),
                }),
              )
              .join(' · ')}
          </Text>
        )}
        <Group gap="sm" align="stretch">
          {group.items.map((r) => (
            <ResultCard key={r.media.id} result={r} held={held?.has(r.media.id)} />
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
