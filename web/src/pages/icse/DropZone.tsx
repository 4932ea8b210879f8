// A place to drop many files at once, or to choose them: a native file input behind a button-like
// area that a keyboard reaches too (Enter or Space opens the chooser). No dependency needed.
import { Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const ACCEPT = 'image/*,video/*,.mkv,.avi,.mov';

export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const open = () => {
    if (!disabled) input.current?.click();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  const onDrag = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setOver(e.type === 'dragenter' || e.type === 'dragover');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  // The input stands beside the area, not in it: its click must not bubble back to `open`.
  return (
    <>
      <Paper
        withBorder
        p="xl"
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled}
        aria-label={t('icse.upload.dropLabel')}
        onClick={open}
        onKeyDown={onKey}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
        bg={over ? 'indigo.0' : undefined}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-indigo-6)' : undefined,
          cursor: disabled ? 'not-allowed' : 'pointer',
          opacity: disabled ? 0.6 : 1,
        }}
        data-testid="drop-zone"
      >
        <Stack gap={4} align="center">
          <Text fw={600}>{t('icse.upload.drop')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('icse.upload.dropHelp')}
          </Text>
        </Stack>
      </Paper>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
        data-testid="upload-input"
      />
    </>
  );
}
