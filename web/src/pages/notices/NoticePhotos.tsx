// A notice's photos: shown to whoever may read the notice, added by its bureau while it may change
// it (JPEG or PNG, at most 5 MiB; the server checks what the file really is).
import { Alert, Card, FileInput, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import type { NoticeDto } from './noticesApi';

const MAX_BYTES = 5 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function NoticePhotos({ notice }: { notice: NoticeDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(t('notices.photos.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/notices/${notice.id}/photos`, { contentBase64: toBase64(await file.arrayBuffer()) });
      await queryClient.invalidateQueries({ queryKey: ['notice', notice.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="notice-photos">
      <Title order={4} mb="sm">
        {t('notices.photos.title')}
      </Title>
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        {notice.photos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notices.photos.none')}
          </Text>
        ) : (
          <Group gap="sm">
            {notice.photos.map((p) => (
              <Image
                key={p.id}
                src={`/api/v1/notices/${notice.id}/photos/${p.id}`}
                alt={t('notices.photos.alt', { title: notice.title })}
                w={120}
                h={150}
                fit="cover"
                radius="sm"
                data-testid="notice-photo"
              />
            ))}
          </Group>
        )}
        {notice.editable && notice.photos.length < 5 && (
          <FileInput
            label={t('notices.photos.add')}
            description={t('notices.photos.addHelp')}
            accept="image/jpeg,image/png"
            value={null}
            onChange={upload}
            disabled={busy}
            data-testid="photo-input"
          />
        )}
      </Stack>
    </Card>
  );
}
