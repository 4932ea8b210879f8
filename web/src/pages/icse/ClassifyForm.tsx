// The bureau that holds a medium classifies it: its Project VIC category, the series it belongs
// to, and the victims and offenders of that series it shows. Saved on the version read (If-Match):
// a change made meanwhile by a colleague is not overwritten.
import { Alert, Button, Card, Group, MultiSelect, Select, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { CATEGORIES, icseApi, type MediumResult, useSeriesList } from './icseApi';

export function ClassifyForm({ result }: { result: MediumResult & { subjectIds: string[] } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { media } = result;
  const seriesList = useSeriesList('', 200);
  const [category, setCategory] = useState<string | null>(
    media.category === null ? null : String(media.category),
  );
  const [seriesId, setSeriesId] = useState<string | null>(media.seriesId);
  const [subjectIds, setSubjectIds] = useState<string[]>(result.subjectIds);

  const all = seriesList.data?.items ?? [];
  // The medium's own series is offered even when it is not among the latest listed.
  const known = [...all, ...result.series.filter((s) => !all.some((a) => a.id === s.id))];
  const chosen = known.find((s) => s.id === seriesId);
  const subjects = chosen ? [...chosen.victims, ...chosen.offenders] : [];

  const save = useMutation({
    mutationFn: () =>
      icseApi.classify(media, {
        category: category === null ? null : Number(category),
        seriesId,
        subjectIds: subjectIds.filter((s) => subjects.some((x) => x.id === s)),
      }),
    onSuccess: () => {
      // The form is remounted on the new version, so the confirmation lives outside it.
      notifications.show({ color: 'green', message: t('icse.classify.saved') });
      return queryClient.invalidateQueries({ queryKey: ['icse'] });
    },
    onError: (e) => {
      // Stale: read again, the form then starts from what is stored.
      if (e instanceof ApiError && e.status === 412)
        void queryClient.invalidateQueries({ queryKey: ['icse'] });
    },
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldMessage(f) : undefined);

  return (
    <Card withBorder data-testid="classify-form">
      <Stack gap="sm">
        <Title order={4}>{t('icse.classify.title')}</Title>
        <Group grow align="flex-start">
          <Select
            label={t('icse.classify.category')}
            data={CATEGORIES.map((c) => ({ value: String(c), label: t(`icse.category.${c}`) }))}
            value={category}
            onChange={setCategory}
            clearable
            error={fieldError('category')}
            data-testid="classify-category"
          />
          <Select
            label={t('icse.classify.series')}
            placeholder={t('icse.classify.seriesPlaceholder')}
            data={known.map((s) => ({ value: s.id, label: s.name }))}
            value={seriesId}
            onChange={(v) => {
              setSeriesId(v);
              setSubjectIds([]);
            }}
            searchable
            clearable
            nothingFoundMessage={t('icse.classify.noSeries')}
            error={fieldError('seriesId')}
            data-testid="classify-series"
          />
        </Group>
        <MultiSelect
          label={t('icse.classify.subjects')}
          placeholder={chosen ? undefined : t('icse.classify.subjectsFirst')}
          disabled={!chosen}
          data={subjects.map((s) => ({
            value: s.id,
            label: `${s.label} (${t(`icse.subject.role.${s.role}`)})`,
          }))}
          value={subjectIds}
          onChange={setSubjectIds}
          searchable
          error={fieldError('subjectIds')}
          data-testid="classify-subjects"
        />
        {save.error && (
          <Alert color="red" data-testid="classify-error">
            {save.error instanceof ApiError && save.error.status === 412
              ? t('icse.classify.stale')
              : save.error instanceof ApiError
                ? save.error.detail
                : String(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="classify-save">
            {t('icse.classify.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
