// The bureau's latest media, each with its blurred preview, for going back to one.
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { BlurredPreview } from './BlurredPreview';
import { detailOf, useOwnMedia } from './icseApi';

export function RecentMedia() {
  const { t } = useTranslation();
  const list = useOwnMedia(12);
  const items = list.data?.items ?? [];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('icse.recent.title')}</Title>
        {list.error && (
          <Text size="sm" c="red">
            {detailOf(list.error)}
          </Text>
        )}
        {list.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('icse.recent.none')}
          </Text>
        )}
        {items.map((m) => (
          <Group key={m.id} gap="sm" wrap="nowrap" data-testid="recent-media">
            <BlurredPreview media={m} size={56} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/icse/media/${m.id}`} size="sm" truncate="end">
                {m.fileName ?? t(`icse.source.${m.source}`)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatTime(m.createdAt)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
