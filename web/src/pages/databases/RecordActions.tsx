// What the owner bureau may do with its record: change, close with a reason, delete for good.
// Close and delete name the version the officer saw: a record changed meanwhile is refused.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { choiceLabel } from './labels';
import type { DatabaseInfo, RecordDto } from './recordsApi';

export function RecordActions({ record, database }: { record: RecordDto; database: DatabaseInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'close' | 'delete' | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = (d: 'close' | 'delete') => {
    setError(null);
    setDialog(d);
  };
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    if (!(await run(() => api.postAt(`/records/${record.id}/close`, { reason }, record.version)))) return;
    await queryClient.invalidateQueries({ queryKey: ['record', record.id] });
    await queryClient.invalidateQueries({ queryKey: ['history', record.id] });
    setDialog(null);
  };
  const remove = async () => {
    if (!(await run(() => api.delete(`/records/${record.id}`, record.version)))) return;
    // Gone for good: forget it rather than ask the server again for what no longer exists.
    queryClient.removeQueries({ queryKey: ['record', record.id] });
    await queryClient.invalidateQueries({ queryKey: ['databases'] });
    await queryClient.invalidateQueries({ queryKey: ['records', record.database] });
    navigate(`/databases/${record.database}`);
  };
  return (
    <>
      <Group>
        <Button variant="light" component={Link} to={`/records/${record.id}/edit`} data-testid="edit-record">
          {t('records.actions.edit')}
        </Button>
        {record.status === 'active' && (
          <Button variant="light" color="yellow" onClick={() => open('close')} data-testid="close-record">
            {t('records.actions.close')}
          </Button>
        )}
        <Button variant="light" color="red" onClick={() => open('delete')} data-testid="delete-record">
          {t('records.actions.delete')}
        </Button>
      </Group>
      <Modal opened={dialog === 'close'} onClose={() => setDialog(null)} title={t('records.actions.close')}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Select
            label={t('records.actions.reason')}
            data={database.closeReasons.map((r) => ({ value: r, label: choiceLabel(t, r) }))}
            value={reason}
            onChange={setReason}
            data-testid="close-reason"
          />
          <Button disabled={!reason} loading={busy} onClick={close} data-testid="confirm-close">
            {t('records.actions.confirmClose')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'delete'} onClose={() => setDialog(null)} title={t('records.actions.delete')}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Text>{t('records.actions.deleteWarning')}</Text>
          <Group>
            <Button color="red" loading={busy} onClick={remove} data-testid="confirm-delete">
              {t('records.actions.confirmDelete')}
            </Button>
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
