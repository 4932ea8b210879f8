// Media of a series or a subject as a grid of blurred previews, each with its status.
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediumResult } from './icseApi';
import { ResultCard } from './ResultCard';

export function MediaGrid({ media }: { media: MediumResult[] }) {
  const { t } = useTranslation();
  if (media.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('icse.media.none')}
      </Text>
    );
  }
  return (
    <Group gap="sm" align="stretch" data-testid="media-grid">
      {media.map((r) => (
        <ResultCard key={r.media.id} result={r} />
      ))}
    </Group>
  );
}
