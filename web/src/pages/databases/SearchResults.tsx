// Search results, each marked with what the access policy allowed: the record (see), or only
// that it exists and whom to contact; look-alike matches, scores, DNA loci, and hit notices.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dbName } from './labels';
import { SharingBadge } from './RecordList';
import type { SearchResult } from './recordsApi';

function MatchBadge({ r }: { r: SearchResult }) {
  const { t } = useTranslation();
  if (r.match === 'exact') return <Badge color="green">{t('records.search.exact')}</Badge>;
  if (r.match === 'similar') return <Badge color="yellow">{t('records.search.similar')}</Badge>;
  if (r.match === 'full' || r.match === 'partial')
    return (
      <Badge color={r.match === 'full' ? 'green' : 'yellow'}>{t(`records.search.dna.${r.match}`)}</Badge>
    );
  if (r.detail.score !== undefined)
    return (
      <Group gap={4}>
        {r.detail.match !== undefined && (
          <Badge
            color={r.detail.match ? 'red' : 'gray'}
            data-testid={r.detail.match ? 'is-match' : 'near-miss'}
          >
            {t(r.detail.match ? 'persons.match' : 'persons.nearMiss')}
          </Badge>
        )}
        <Badge>{t('records.search.score', { score: Math.round(r.detail.score * 100) })}</Badge>
      </Group>
    );
  return null;
}

export function SearchResults({ items }: { items: SearchResult[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text c="dimmed" data-testid="no-results">
        {t('records.search.none')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="results">
      {items.map((r) => (
        <Card key={r.record.id} withBorder padding="sm" data-testid={`result-${r.access}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              {r.record.access === 'see' ? (
                <Anchor component={Link} to={`/records/${r.record.id}`} fw={600}>
                  {r.record.label}
                </Anchor>
              ) : (
                <Text fw={600} c="orange.8">
                  {t('records.search.existsOnly', { owner: r.record.ownerBureau })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {dbName(t, r.record.database)} · {t('records.list.owner')}: {r.record.ownerBureau}
              </Text>
              {/* The explanation is the matcher's English: laid out left to right on any page. */}
              {r.detail.reasons && (
                <Text size="xs" dir="ltr" ta="start" data-testid="reasons">
                  {r.detail.reasons.join(' · ')}
                </Text>
              )}
              {r.detail.matching && (
                <Text size="xs">
                  {t('records.search.dna.loci', {
                    matching: r.detail.matching.join(', '),
                    mismatching: r.detail.mismatching?.join(', ') || '—',
                  })}
                </Text>
              )}
              {r.hitId && (
                <Text size="xs" c="indigo" data-testid="hit-notice">
                  {t('records.search.ownerNotified', { owner: r.record.ownerBureau })}
                </Text>
              )}
            </Stack>
            <Stack gap={4} align="flex-end">
              <MatchBadge r={r} />
              {r.record.access === 'see' ? (
                <SharingBadge record={r.record} />
              ) : (
                <Badge color="orange">{t('records.search.contactOwner')}</Badge>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
