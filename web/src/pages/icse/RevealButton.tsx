// Showing an original is an explicit act: the officer states why, the server records it in the
// audit chain, and the bytes are shown in this modal only — from an object URL revoked when the
// modal closes, never cached, never kept in the page's state once closed.
import { Alert, Button, Center, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailOf, type Media, revealOriginal } from './icseApi';

/** The server's minimum: a reason a reader of the audit can understand. */
const MIN_REASON = 5;

export function RevealButton({ media, size = 'xs' }: { media: Media; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (media.source !== 'upload') return null;
  return (
    <>
      <Button size={size} variant="default" onClick={() => setOpened(true)} data-testid="reveal-open">
        {t('icse.reveal.open')}
      </Button>
      {opened && <RevealModal media={media} onClose={() => setOpened(false)} />}
    </>
  );
}

function RevealModal({ media, onClose }: { media: Media; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ url: string; type: string } | null>(null);

  // The object URL dies with the modal (closed, or the page left).
  useEffect(() => () => void (shown && URL.revokeObjectURL(shown.url)), [shown]);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await revealOriginal(media.id, reason);
      setShown({ url: URL.createObjectURL(blob), type: blob.type || media.mime || '' });
    } catch (e) {
      setError(detailOf(e));
    } finally {
      setBusy(false);
    }
  };
  const tooShort = reason.trim().length < MIN_REASON;

  return (
    <Modal
      opened
      onClose={onClose}
      size={shown ? 'xl' : 'md'}
      title={t('icse.reveal.title', { name: media.fileName ?? media.id })}
      data-testid="reveal-modal"
    >
      {!shown ? (
        <Stack>
          <Alert color="orange" variant="light">
            {t('icse.reveal.warning')}
          </Alert>
          <Textarea
            label={t('icse.reveal.reason')}
            description={t('icse.reveal.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={2}
            maxLength={500}
            autoFocus
            data-testid="reveal-reason"
          />
          {error && (
            <Alert color="red" data-testid="reveal-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={reveal}
              disabled={tooShort}
              loading={busy}
              data-testid="reveal-submit"
            >
              {t('icse.reveal.submit')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('icse.reveal.recorded')}
          </Text>
          <Center>
            {shown.type.startsWith('video/') ? (
              // biome-ignore lint/a11y/useMediaCaption: seized material has no captions to offer
              <video
                src={shown.url}
                controls
                style={{ maxWidth: '100%', maxHeight: '70vh' }}
                data-testid="revealed"
              />
            ) : (
              <img
                src={shown.url}
                alt={t('icse.reveal.alt')}
                style={{ maxWidth: '100%', maxHeight: '70vh' }}
                data-testid="revealed"
              />
            )}
          </Center>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="reveal-close">
              {t('icse.reveal.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
