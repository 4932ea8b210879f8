// "Check a traveller": the document's machine-readable zone typed, pasted or sent by a reader
// that types it, then Check (or Ctrl+Enter); the answer replaces the last one at once.
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { ResultCard } from './ResultCard';
import { normaliseMrz, screenTravellers } from './screeningApi';

export function MrzCheck() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const check = useMutation({
    mutationFn: (mrz: string) => screenTravellers([{ mrz }]),
    // Read: the next document scanned or pasted replaces it. Not read: left to be corrected.
    onSuccess: (answer) => {
      if (answer.items[0]?.status !== 'invalid') input.current?.select();
    },
  });
  const mrz = normaliseMrz(text);

  // A document reader types into whatever has the focus: let it be this field.
  useEffect(() => input.current?.focus(), []);

  const submit = () => {
    if (mrz !== '' && !check.isPending) check.mutate(mrz);
  };
  const clear = () => {
    setText('');
    check.reset();
    input.current?.focus();
  };
  const error = check.error instanceof ApiError ? check.error.detail : check.error && String(check.error);
  const item = check.data?.items[0];

  return (
    <Stack>
      <Textarea
        ref={input}
        label={t('screening.mrz.label')}
        description={t('screening.mrz.help')}
        placeholder={
          'P<ESPGARCIA<<ELENA<<<<<<<<<<<<<<<<<<<<<<<<<<\nX1234567<7ESP8504124F3107014<<<<<<<<<<<<<<08'
        }
        autosize
        minRows={3}
        maxRows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        // An MRZ reads left to right, also on an Arabic page.
        styles={{
          input: { fontFamily: 'monospace', fontSize: 16, letterSpacing: '0.05em', textAlign: 'left' },
        }}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        dir="ltr"
        data-testid="mrz-input"
      />
      <Group>
        <Button
          size="md"
          onClick={submit}
          loading={check.isPending}
          disabled={mrz === ''}
          data-testid="mrz-check"
        >
          {t('screening.run')}
        </Button>
        <Button variant="subtle" onClick={clear} data-testid="mrz-clear">
          {t('screening.clear')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" title={t('screening.failed')} data-testid="screen-error">
          {error}
        </Alert>
      )}
      {item && !check.isPending && <ResultCard item={item} source="mrz" />}
    </Stack>
  );
}
