// Adding a victim or an offender to a series: a label that says who without naming (e.g. "Girl,
// about 9"), and notes.
import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { icseApi, type SubjectRole } from './icseApi';

export function AddSubjectForm({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<SubjectRole>('victim');
  const [label, setLabel] = useState('');
  const [notes, setNotes] = useState('');
  const add = useMutation({
    mutationFn: () =>
      icseApi.addSubject(seriesId, {
        role,
        label: label.trim(),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    onSuccess: async () => {
      setLabel('');
      setNotes('');
      await queryClient.invalidateQueries({ queryKey: ['icse'] });
    },
  });
  const err = add.error instanceof ApiError ? add.error : null;
  return (
    <Card withBorder data-testid="add-subject">
      <Stack gap="sm">
        <Title order={4}>{t('icse.addSubject.title')}</Title>
        <SegmentedControl
          value={role}
          onChange={(v) => setRole(v as SubjectRole)}
          data={[
            { value: 'victim', label: t('icse.subject.role.victim') },
            { value: 'offender', label: t('icse.subject.role.offender') },
          ]}
          data-testid="add-subject-role"
        />
        <TextInput
          label={t('icse.addSubject.label')}
          description={t('icse.addSubject.labelHelp')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={200}
          required
          error={err?.fieldMessage('label')}
          data-testid="add-subject-label"
        />
        <Textarea
          label={t('icse.addSubject.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          maxLength={4000}
          minRows={2}
          data-testid="add-subject-notes"
        />
        {add.error && !err?.fieldMessage('label') && (
          <Alert color="red">{err ? err.detail : String(add.error)}</Alert>
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => add.mutate()}
            disabled={!label.trim()}
            loading={add.isPending}
            data-testid="add-subject-submit"
          >
            {t(`icse.addSubject.submit.${role}`)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
