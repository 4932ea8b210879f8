// What the owner bureau may do with its record: change, close with a reason, delete for good.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { choiceLabel } from './labels';
import type { DatabaseInfo, RecordDto } from './recordsApi';

async function deleteRecord(id: string, version: number) {
  // The API helper has no DELETE; a cookie-authenticated change must carry a JSON body.
  const res = await fetch(`/api/v1/records/${id}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
    body: '{}',
  });
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(res.status, p.code ?? 'error', p.detail ?? res.statusText);
  }
}

export function RecordActions({ record, database }: { record: RecordDto; database: DatabaseInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, after: () => void) => {
    setError(null);
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: ['record', record.id] });
      await queryClient.invalidateQueries({ queryKey: ['history', record.id] });
      await queryClient.invalidateQueries({ queryKey: ['databases'] });
      after();
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button variant="light" component={Link} to={`/records/${record.id}/edit`} data-testid="edit-record">
          {t('records.actions.edit')}
        </Button>
        {record.status === 'active' && (
          <Button variant="light" color="yellow" onClick={() => setClosing(true)} data-testid="close-record">
            {t('records.actions.close')}
          </Button>
        )}
        <Button variant="light" color="red" onClick={() => setDeleting(true)} data-testid="delete-record">
          {t('records.actions.delete')}
        </Button>
      </Group>
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('records.actions.close')}>
        <Stack>
          <Select
            label={t('records.actions.reason')}
            data={database.closeReasons.map((r) => ({ value: r, label: choiceLabel(t, r) }))}
            value={reason}
            onChange={setReason}
          />
          <Button
            disabled={!reason}
            onClick={() =>
              run(
                () =>
                  api.post(`/records/${record.id}/close`, { reason }, { 'if-match': `"${record.version}"` }),
                () => setClosing(false),
              )
            }
          >
            {t('records.actions.confirmClose')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('records.actions.delete')}>
        <Stack>
          <Text>{t('records.actions.deleteWarning')}</Text>
          <Button
            color="red"
            onClick={() =>
              run(
                () => deleteRecord(record.id, record.version),
                () => navigate(`/databases/${record.database}`),
              )
            }
            data-testid="confirm-delete"
          >
            {t('records.actions.confirmDelete')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
