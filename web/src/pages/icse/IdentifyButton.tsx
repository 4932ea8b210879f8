// Marking a victim (or an offender) identified by the officer's bureau, with notes: every unit
// holding matching media is told. Sent on the version read, so two bureaus cannot both record it.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { icseApi, type Subject } from './icseApi';

export function IdentifyButton({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" color="green" onClick={() => setOpened(true)} data-testid="identify-open">
        {t('icse.identify.open')}
      </Button>
      {opened && <IdentifyModal subject={subject} onClose={() => setOpened(false)} />}
    </>
  );
}

function IdentifyModal({ subject, onClose }: { subject: Subject; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const identify = useMutation({
    mutationFn: () => icseApi.identify(subject, notes),
    onSuccess: async (r) => {
      notifications.show({ color: 'green', message: t('icse.identify.done', { count: r.notifiedUnits }) });
      await queryClient.invalidateQueries({ queryKey: ['icse'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 412)
        void queryClient.invalidateQueries({ queryKey: ['icse'] });
    },
  });
  const e = identify.error;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`icse.identify.title.${subject.role}`, { label: subject.label })}
    >
      <Stack>
        <Text size="sm">{t('icse.identify.explain')}</Text>
        <Textarea
          label={t('icse.identify.notes')}
          description={t('icse.identify.notesHelp')}
          value={notes}
          onChange={(ev) => setNotes(ev.currentTarget.value)}
          maxLength={4000}
          minRows={3}
          autoFocus
          data-testid="identify-notes"
        />
        {e && (
          <Alert color="red" data-testid="identify-error">
            {e instanceof ApiError && e.status === 412
              ? t('icse.identify.stale')
              : e instanceof ApiError
                ? e.detail
                : String(e)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="green"
            onClick={() => identify.mutate()}
            loading={identify.isPending}
            data-testid="identify-submit"
          >
            {t('icse.identify.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
