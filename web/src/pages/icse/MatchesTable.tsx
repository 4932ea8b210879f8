// What a medium matched: how (an exact hash, or a perceptual one at some distance), whose it is,
// which series it belongs to, and whether its victim is identified.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import type { Match, Series } from './icseApi';

export function MatchesTable({ matches, series }: { matches: Match[]; series: Series[] }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  if (matches.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('icse.result.noMatch')}
      </Text>
    );
  }
  const nameOf = (id: string | null) => series.find((s) => s.id === id)?.name;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="matches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('icse.matches.kind')}</Table.Th>
            <Table.Th>{t('icse.matches.distance')}</Table.Th>
            <Table.Th>{t('icse.matches.owner')}</Table.Th>
            <Table.Th>{t('icse.matches.series')}</Table.Th>
            <Table.Th>{t('icse.matches.victim')}</Table.Th>
            <Table.Th>{t('icse.matches.at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => (
            <Table.Tr key={m.mediaId} data-testid="match-row">
              <Table.Td>
                <Anchor component={Link} to={`/icse/media/${m.mediaId}`} size="sm">
                  {t(`icse.matchKind.${m.kind}`)}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.distance}</Table.Td>
              <Table.Td>{bureaus.label(m.ownerBureau)}</Table.Td>
              <Table.Td>
                {m.seriesId ? (
                  <Anchor component={Link} to={`/icse/series/${m.seriesId}`} size="sm">
                    {nameOf(m.seriesId) ?? t('icse.matches.aSeries')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {m.victimIdentified === null ? (
                  '—'
                ) : (
                  <Badge size="sm" color={m.victimIdentified ? 'green' : 'red'} variant="light">
                    {m.victimIdentified ? t('common.yes') : t('common.no')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatTime(m.at)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
