// "Manifest": a CSV of up to 10,000 travellers read in the browser and checked in one call. The
// call carries an Idempotency-Key drawn when the file is chosen, so checking again after a lost
// answer is answered from the first check rather than checking (and notifying owners) twice.
import { Alert, Anchor, Button, Card, FileInput, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { type Checked, ManifestTable } from './ManifestTable';
import { type Manifest, readManifest, TEMPLATE_CSV } from './manifest';
import { MAX_ITEMS, randomUuid, type ScreeningAnswer, screenTravellers } from './screeningApi';

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'manifest-template.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Summary({ summary }: { summary: ScreeningAnswer['summary'] }) {
  const { t } = useTranslation();
  const stat = (key: keyof typeof summary, color: string, big = false) => (
    <Card withBorder padding="sm" bg={big && summary[key] > 0 ? 'red.7' : undefined}>
      <Text size="sm" c={big && summary[key] > 0 ? 'white' : 'dimmed'}>
        {t(`screening.manifest.summary.${key}`)}
      </Text>
      <Text
        fz={big ? 40 : 28}
        fw={700}
        lh={1.1}
        c={big && summary[key] > 0 ? 'white' : color}
        data-testid={`summary-${key}`}
      >
        {summary[key]}
      </Text>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="manifest-summary">
      {stat('hits', 'green.8', true)}
      {stat('checked', 'dark')}
      {stat('noHits', 'green.8')}
      {stat('invalid', summary.invalid > 0 ? 'orange.8' : 'dark')}
    </SimpleGrid>
  );
}

export function ManifestPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [key, setKey] = useState('');
  const check = useMutation({
    mutationFn: ({ m, k }: { m: Manifest & { ok: true }; k: string }) =>
      screenTravellers(
        m.rows.map((r) => r.item),
        k,
      ).then((answer) => ({
        summary: answer.summary,
        checked: answer.items.map((result, i): Checked => ({ row: m.rows[i]!, result })),
      })),
  });

  const choose = async (f: File | null) => {
    setFile(f);
    setManifest(null);
    check.reset();
    // One key per file chosen: a retry of this manifest is the same request.
    setKey(randomUuid());
    if (f) setManifest(readManifest(await f.text()));
  };
  const error = check.error instanceof ApiError ? check.error.detail : check.error && String(check.error);
  const bad = manifest && !manifest.ok ? manifest.error : null;

  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <FileInput
            label={t('screening.manifest.file')}
            description={t('screening.manifest.help', { max: MAX_ITEMS })}
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={(f) => void choose(f)}
            data-testid="manifest-file"
          />
          {manifest?.ok && (
            <Text size="sm" data-testid="manifest-read">
              {t('screening.manifest.rowsRead', { count: manifest.rows.length, file: file?.name ?? '' })}
              {manifest.ignored.length > 0 &&
                ` ${t('screening.manifest.ignored', { columns: manifest.ignored.join(', ') })}`}
            </Text>
          )}
          {bad && (
            <Alert color="red" data-testid="manifest-error">
              {t(`screening.manifest.errors.${bad.code}`, bad)}
            </Alert>
          )}
          <Group>
            <Button
              size="md"
              disabled={!manifest?.ok}
              loading={check.isPending}
              onClick={() => manifest?.ok && check.mutate({ m: manifest, k: key })}
              data-testid="manifest-check"
            >
              {t('screening.manifest.check')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={downloadTemplate}
              data-testid="manifest-template"
            >
              {t('screening.manifest.template')}
            </Anchor>
          </Group>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" title={t('screening.failed')} data-testid="screen-error">
          {error}
        </Alert>
      )}
      {check.data && !check.isPending && (
        <>
          <Summary summary={check.data.summary} />
          <ManifestTable checked={check.data.checked} />
        </>
      )}
    </Stack>
  );
}
