// A record's files: listed for whoever may see the record, added and removed by its owner.
import { Alert, Anchor, FileInput, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { ApiError, api } from '../../lib/api';
import { formatTime } from '../../lib/format';

interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  createdAt: string;
  createdBy: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function Attachments({ recordId, owner }: { recordId: string; owner: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['attachments', recordId],
    queryFn: () => api.get<{ items: Attachment[] }>(`/records/${recordId}/attachments`),
  });
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    // The server refuses more than 10 MiB; say so before reading and encoding the whole file.
    if (file.size > MAX_BYTES) {
      setError(t('records.files.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/records/${recordId}/attachments`, {
        name: file.name,
        contentBase64: toBase64(await file.arrayBuffer()),
      });
      await queryClient.invalidateQueries({ queryKey: ['attachments', recordId] });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Stack data-testid="attachments">
      {error && <Alert color="red">{error}</Alert>}
      {items.length === 0 ? (
        <Text c="dimmed">{t('records.files.none')}</Text>
      ) : (
        <DataTable
          headers={[
            t('records.files.name'),
            t('records.files.type'),
            t('records.files.size'),
            t('records.files.added'),
          ]}
        >
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor href={`/api/v1/records/${recordId}/attachments/${a.id}`}>{a.name}</Anchor>
              </Table.Td>
              <Table.Td>{a.mediaType}</Table.Td>
              <Table.Td>{Math.ceil(a.size / 1024)} KiB</Table.Td>
              <Table.Td>
                {formatTime(a.createdAt)} · {a.createdBy}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {owner && (
        <FileInput
          label={t('records.files.add')}
          description={t('records.files.addHelp')}
          accept="image/jpeg,image/png,application/pdf,.an2,.eft,.nist"
          value={null}
          onChange={upload}
          disabled={busy}
          data-testid="attachment-input"
        />
      )}
    </Stack>
  );
}
