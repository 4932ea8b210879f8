// The blurred greyscale preview the server makes of an upload (a still, for a video). Imported hash
// entries have no bytes, hence no preview: a plain tile says so. The original is never shown here.
import { Center, Image, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Media, previewUrl } from './icseApi';

export function BlurredPreview({ media, size = 160 }: { media: Media; size?: number }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (!media.hasPreview || failed) {
    return (
      <Paper withBorder w={size} h={size} bg="gray.1" data-testid="no-preview">
        <Center h="100%" p="xs">
          <Text size="xs" c="dimmed" ta="center">
            {media.hasPreview ? t('icse.preview.unavailable') : t('icse.preview.hashOnly')}
          </Text>
        </Center>
      </Paper>
    );
  }
  return (
    <Image
      src={previewUrl(media.id)}
      alt={t('icse.preview.alt')}
      w={size}
      h={size}
      fit="contain"
      bg="gray.2"
      radius="sm"
      loading="lazy"
      onError={() => setFailed(true)}
      data-testid="blurred-preview"
    />
  );
}
