// One hit as the policy lets this officer see it: the record (a link), or only that it exists
// and which bureau to contact; for a person, the matcher's score and why. Also the status badge
// and the reasons an item is invalid, shared by the single check and the manifest table.
import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dbName, pathLabel } from '../databases/labels';
import type { Reason, ScreeningHit, Status } from './screeningApi';
import { useBureauLabel } from './useBureauLabel';

export const STATUS_COLOR: Record<Status, string> = { hit: 'red', no_hit: 'green', invalid: 'orange' };

export function StatusBadge({ status, size = 'md' }: { status: Status; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} size={size} variant="filled" data-testid="status-badge">
      {t(`screening.status.${status}`)}
    </Badge>
  );
}

function Target({ hit }: { hit: ScreeningHit }) {
  const { t } = useTranslation();
  return hit.access === 'see' ? (
    <Anchor component={Link} to={`/records/${hit.recordId}`} fw={600} data-testid="hit-record">
      {hit.label ?? hit.recordId}
    </Anchor>
  ) : (
    <Text fw={600} c="orange.8" data-testid="hit-contact">
      {t('screening.contactOwner', { owner: hit.ownerBureau })}
    </Text>
  );
}

function MatchBadge({ hit }: { hit: ScreeningHit }) {
  const { t } = useTranslation();
  return hit.score !== undefined ? (
    <Badge color="red" variant="light" data-testid="hit-score">
      {t('records.search.score', { score: Math.round(hit.score * 100) })}
    </Badge>
  ) : (
    <Badge color="red" variant="light">
      {t('screening.exact')}
    </Badge>
  );
}

/** The matcher's explanation is English: laid out left to right on any page. */
const Why = ({ reasons }: { reasons?: string[] }) =>
  reasons && reasons.length > 0 ? (
    <Text size="xs" dir="ltr" ta="start" data-testid="hit-reasons">
      {reasons.join(' · ')}
    </Text>
  ) : null;

export function HitCard({ hit }: { hit: ScreeningHit }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="hit"
      style={{ borderInlineStart: '4px solid var(--mantine-color-red-6)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="dark" variant="outline">
              {t(`screening.kind.${hit.check}`)}
            </Badge>
            <Text fw={600}>{dbName(t, hit.database)}</Text>
          </Group>
          <Target hit={hit} />
          <Text size="sm" data-testid="hit-owner">
            {t('screening.ownerBureau')}: {bureau(hit.ownerBureau)}
          </Text>
          <Why reasons={hit.reasons} />
          {hit.hitId && (
            <Text size="xs" c="indigo">
              {t('records.search.ownerNotified', { owner: hit.ownerBureau })}
            </Text>
          )}
        </Stack>
        <MatchBadge hit={hit} />
      </Group>
    </Card>
  );
}

/** A hit on one line of the manifest table. */
export function HitLine({ hit }: { hit: ScreeningHit }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="hit">
      <Group gap={6} wrap="wrap">
        <Badge color="dark" variant="outline" size="xs">
          {t(`screening.kind.${hit.check}`)}
        </Badge>
        <Text size="sm">{dbName(t, hit.database)}</Text>
        <Text size="sm" c="dimmed">
          · {hit.ownerBureau}
        </Text>
        {hit.score !== undefined && <MatchBadge hit={hit} />}
      </Group>
      <Target hit={hit} />
      <Why reasons={hit.reasons} />
    </Stack>
  );
}

/** "Issuing country: is not a known country: XX" — the server's message, left to right. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} data-testid="invalid-reasons">
      {reasons.map((r) => (
        <List.Item key={`${r.field}:${r.message}`}>
          {r.field ? `${pathLabel(t, r.field)}: ` : ''}
          <span dir="ltr">{r.message}</span>
        </List.Item>
      ))}
    </List>
  );
}
