// What the signed-in person may do with a notice now, as the server lists it in `actions`: one
// button each. Each step names the version the person saw (If-Match), so a notice changed meanwhile
// is refused and shown afresh; a refusal, a request for information, a cancellation, a withdrawal
// or an extension needs a written reason, asked for in a dialog.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { ACTIONS, type NoticeDto, REASON_ACTIONS } from './noticesApi';

const COLOUR: Record<string, string> = {
  approve: 'teal',
  submit: 'blue',
  take: 'indigo',
  publish: 'green',
  confirm_compliance: 'green',
  request_info: 'orange',
  extend: 'cyan',
  refuse: 'red',
  cancel: 'red',
  withdraw: 'red',
};

/** A diffusion's "submit" sends it to its recipients at once. */
export const actionLabel = (t: (k: string) => string, action: string, kind: string) =>
  t(action === 'submit' && kind === 'diffusion' ? 'notices.actions.send' : `notices.actions.${action}`);

export function NoticeActions({ notice }: { notice: NoticeDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = ACTIONS.filter((a) => notice.actions.includes(a));

  const run = async (action: string, why?: string) => {
    setBusy(action);
    setError(null);
    try {
      const next = await api.postAt<NoticeDto>(
        `/notices/${notice.id}/steps`,
        { action, ...(why ? { reason: why.trim() } : {}) },
        notice.version,
      );
      queryClient.setQueryData(['notice', notice.id], next);
      await queryClient.invalidateQueries({ queryKey: ['notices'] });
      await queryClient.invalidateQueries({ queryKey: ['notice-stats'] });
      setDialog(null);
      setReason('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('notices.actions.stale'));
        await queryClient.invalidateQueries({ queryKey: ['notice', notice.id] });
      } else {
        setError(e instanceof ApiError ? e.detail : String(e));
      }
    } finally {
      setBusy(null);
    }
  };
  const click = (action: string) => {
    setError(null);
    if (REASON_ACTIONS.includes(action)) {
      setReason('');
      setDialog(action);
    } else {
      void run(action);
    }
  };

  if (actions.length === 0 && !error) return null;
  return (
    <>
      <Stack gap="xs" data-testid="notice-actions">
        {error && !dialog && (
          <Alert color="red" data-testid="action-error">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          {actions.map((a) => (
            <Button
              key={a}
              color={COLOUR[a]}
              variant={REASON_ACTIONS.includes(a) ? 'light' : 'filled'}
              loading={busy === a}
              disabled={busy !== null && busy !== a}
              onClick={() => click(a)}
              data-testid={`action-${a}`}
            >
              {actionLabel(t, a, notice.kind)}
            </Button>
          ))}
        </Group>
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? actionLabel(t, dialog, notice.kind) : ''}
      >
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Text size="sm">{dialog ? t(`notices.actions.reasonHelp.${dialog}`) : ''}</Text>
          <Textarea
            label={t('notices.actions.reason')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={
              reason.length > 0 && reason.trim().length < 3 ? t('notices.actions.reasonShort') : undefined
            }
            data-testid="step-reason"
            data-autofocus
          />
          <Group>
            <Button
              color={dialog ? COLOUR[dialog] : undefined}
              disabled={reason.trim().length < 3}
              loading={busy !== null}
              onClick={() => dialog && void run(dialog, reason)}
              data-testid="confirm-step"
            >
              {dialog ? actionLabel(t, dialog, notice.kind) : ''}
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
