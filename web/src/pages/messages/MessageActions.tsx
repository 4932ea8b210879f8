// What a party does with a message: acknowledge it, answer it, pass it on (refused, with the
// reason, when it is marked not to be passed on), let a bureau pass it on (its sender), and open
// the exchange to the General Secretariat with a reason.
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { GS, type Message, maySendMessages } from './messagesApi';
import { useBureaus } from './useBureaus';

const problemText = (e: unknown) => (e instanceof ApiError ? e.detail : String(e));

function ForwardModal({
  message,
  opened,
  onClose,
}: {
  message: Message;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { principal } = useAuth();
  const bureaus = useBureaus();
  const [to, setTo] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const sent = await api.create<Message>(`/messages/${message.id}/forward`, {
        to: { bureaus: to },
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
      onClose();
      navigate(`/messages/${sent.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'no_onward_transmission') {
        setError(t('messages.forward.refused', { bureau: bureaus.label(message.sender.bureau) }));
      } else setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('messages.forward.title')} size="lg">
      <Stack>
        {error && (
          <Alert color="red" title={t('messages.forward.refusedTitle')} data-testid="forward-error">
            {error}
          </Alert>
        )}
        <MultiSelect
          label={t('messages.compose.to')}
          searchable
          data={bureaus.members.filter((b) => b.value !== principal?.bureau.code)}
          value={to}
          onChange={setTo}
          data-testid="forward-to"
        />
        <Textarea
          label={t('messages.forward.comment')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="forward-comment"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={to.length === 0} data-testid="forward-send">
            {t('messages.forward.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PermitModal({
  message,
  opened,
  onClose,
}: {
  message: Message;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const [bureau, setBureau] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The recipients first: they are the ones who would pass it on.
  const recipients = [...new Set(message.recipients.map((r) => r.bureau))];
  const data = [
    {
      group: t('messages.permit.recipients'),
      items: recipients.map((c) => ({ value: c, label: bureaus.label(c) })),
    },
    {
      group: t('messages.permit.others'),
      items: bureaus.members.filter(
        (b) => !recipients.includes(b.value) && b.value !== message.sender.bureau,
      ),
    },
  ];
  const submit = async () => {
    if (!bureau) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/messages/${message.id}/permissions`, { bureau });
      notifications.show({
        color: 'green',
        message: t('messages.permit.done', { bureau: bureaus.label(bureau) }),
        'data-testid': 'permit-done',
      });
      onClose();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('messages.permit.title')}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <Select
          label={t('messages.permit.bureau')}
          description={t('messages.permit.help')}
          searchable
          data={data}
          value={bureau}
          onChange={setBureau}
          data-testid="permit-bureau"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!bureau} data-testid="permit-submit">
            {t('messages.permit.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function GsModal({ message, opened, onClose }: { message: Message; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/messages/${message.id}/grant-gs`, { reason: reason.trim() });
      await queryClient.invalidateQueries({ queryKey: ['message', message.id] });
      onClose();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('messages.gs.title')} size="lg">
      <Stack>
        <Alert color="indigo">{t('messages.gs.explain')}</Alert>
        {error && <Alert color="red">{error}</Alert>}
        <Textarea
          label={t('messages.gs.reason')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="gs-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={reason.trim().length < 3} data-testid="gs-submit">
            {t('messages.gs.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MessageActions({ message }: { message: Message }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { principal } = useAuth();
  const [forwarding, forwardModal] = useDisclosure(false);
  const [permitting, permitModal] = useDisclosure(false);
  const [granting, gsModal] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!principal) return null;
  const own = principal.bureau.code;
  const mine = message.recipients.filter((r) => r.bureau === own);
  const isSender = message.sender.bureau === own;
  const isRecipient = mine.length > 0;
  const acknowledged = isRecipient && mine.every((r) => r.acknowledgedAt !== null);
  const officer = maySendMessages(principal);

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/messages/${message.id}/acknowledge`, {});
      await queryClient.invalidateQueries({ queryKey: ['message', message.id] });
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      {error && <Alert color="red">{error}</Alert>}
      <Group gap="xs">
        {isRecipient && !acknowledged && (
          <Button onClick={acknowledge} loading={busy} color="green" data-testid="acknowledge">
            {t('messages.actions.acknowledge')}
          </Button>
        )}
        {isRecipient && officer && (
          <Button
            variant="light"
            onClick={() => navigate(`/messages/new?replyTo=${message.id}`)}
            data-testid="reply"
          >
            {t('messages.actions.reply')}
          </Button>
        )}
        {officer && (
          <Button variant="light" onClick={forwardModal.open} data-testid="forward">
            {t('messages.actions.forward')}
          </Button>
        )}
        {isSender && officer && message.handling === 'no_onward_transmission' && (
          <Button variant="default" onClick={permitModal.open} data-testid="permit">
            {t('messages.actions.permit')}
          </Button>
        )}
        {(isSender || isRecipient) && officer && own !== GS && !message.gsAccess && (
          <Button variant="default" onClick={gsModal.open} data-testid="grant-gs">
            {t('messages.actions.grantGs')}
          </Button>
        )}
      </Group>
      {forwarding && <ForwardModal message={message} opened onClose={forwardModal.close} />}
      {permitting && <PermitModal message={message} opened onClose={permitModal.close} />}
      {granting && <GsModal message={message} opened onClose={gsModal.close} />}
    </Stack>
  );
}
