// Opening a series: a name no other series has (the server says when one does: link to it
// instead) and a description. Once opened, its page.
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api';
import { icseApi } from './icseApi';

export function NewSeriesForm() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="series-new">
        {t('icse.newSeries.open')}
      </Button>
      {opened && <NewSeriesModal onClose={() => setOpened(false)} />}
    </>
  );
}

function NewSeriesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      icseApi.createSeries({
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries({ queryKey: ['icse', 'series'] });
      navigate(`/icse/series/${s.id}`);
    },
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const nameError = err?.fieldMessage('name');
  return (
    <Modal opened onClose={onClose} title={t('icse.newSeries.title')}>
      <Stack>
        <TextInput
          label={t('icse.newSeries.name')}
          description={t('icse.newSeries.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          required
          autoFocus
          error={nameError}
          data-testid="series-name"
        />
        <Textarea
          label={t('icse.newSeries.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={4000}
          minRows={3}
          data-testid="series-description"
        />
        {create.error && !nameError && <Alert color="red">{err ? err.detail : String(create.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => create.mutate()}
            disabled={!name.trim()}
            loading={create.isPending}
            data-testid="series-create"
          >
            {t('icse.newSeries.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
