// One medium as a result: its blurred preview, its status, the series and victims it is linked
// to, what it matched, and the way to its page or (with a reason) to its original.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBureaus } from '../messages/useBureaus';
import { BlurredPreview } from './BlurredPreview';
import type { MediumResult } from './icseApi';
import { RevealButton } from './RevealButton';
import { StatusBadge } from './StatusBadge';

export function ResultCard({ result, held }: { result: MediumResult; held?: boolean }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const { media, matches } = result;
  const best = matches[0];
  const owners = [...new Set(matches.map((m) => m.ownerBureau))];
  return (
    <Card withBorder padding="sm" w={220} data-testid="icse-result" data-media={media.id}>
      <Stack gap={6} align="stretch">
        <BlurredPreview media={media} size={196} />
        <Anchor
          component={Link}
          to={`/icse/media/${media.id}`}
          size="sm"
          fw={600}
          truncate="end"
          data-testid="result-name"
          dir="auto"
        >
          {media.fileName ?? t(`icse.source.${media.source}`)}
        </Anchor>
        <Group gap={4}>
          <StatusBadge status={result.status} size="sm" short />
          {held && (
            <Badge size="sm" variant="outline" color="gray" data-testid="already-held">
              {t('icse.result.alreadyHeld')}
            </Badge>
          )}
        </Group>
        {best ? (
          <Text size="xs" c="dimmed" data-testid="result-matches">
            {t('icse.result.matched', {
              count: matches.length,
              kind: t(`icse.matchKind.${best.kind}`),
              distance: best.distance,
              bureaus: owners.map((b) => bureaus.label(b)).join(', '),
            })}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('icse.result.noMatch')}
          </Text>
        )}
        <RevealButton media={media} />
      </Stack>
    </Card>
  );
}
