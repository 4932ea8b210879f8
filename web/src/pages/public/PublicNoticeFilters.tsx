// The search form of the public notices: names, nationality, sex, age range and, for red
// notices, the country whose warrant it is. Applied on submit; the list reads them from the URL.
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api';
import { countryOptions, type Filters, type PublicKind } from './publicApi';

interface Props {
  kind: PublicKind;
  value: Filters;
  onSearch: (filters: Filters) => void;
  error?: ApiError | null;
}

export function PublicNoticeFilters({ kind, value, onSearch, error }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(value);
  // A new tab, the back button or "clear" change the URL: the form follows.
  useEffect(() => setDraft(value), [value]);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const set = (f: keyof Filters) => (v: string | number | null) =>
    setDraft((d) => ({ ...d, [f]: v === null || v === '' ? undefined : String(v) }));
  const fieldError = (f: string) => error?.fieldMessage(f);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    onSearch(draft);
  };
  const age = (f: 'ageMin' | 'ageMax') => (
    <NumberInput
      label={t(`publicNotices.filters.${f}`)}
      min={0}
      max={120}
      allowDecimal={false}
      allowNegative={false}
      value={draft[f] ?? ''}
      onChange={set(f)}
      error={fieldError(f)}
      data-testid={`filter-${f}`}
    />
  );

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} data-testid="public-filters">
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: kind === 'red' ? 4 : 3, lg: kind === 'red' ? 7 : 6 }}
        spacing="sm"
      >
        <TextInput
          label={t('publicNotices.filters.name')}
          value={draft.name ?? ''}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={fieldError('name')}
          data-testid="filter-name"
        />
        <TextInput
          label={t('publicNotices.filters.forename')}
          value={draft.forename ?? ''}
          onChange={(e) => set('forename')(e.currentTarget.value)}
          error={fieldError('forename')}
          data-testid="filter-forename"
        />
        <Select
          label={t('publicNotices.filters.nationality')}
          placeholder={t('publicNotices.filters.any')}
          data={countries}
          searchable
          clearable
          value={draft.nationality ?? null}
          onChange={set('nationality')}
          error={fieldError('nationality')}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-nationality"
        />
        <Select
          label={t('publicNotices.filters.sex')}
          placeholder={t('publicNotices.filters.any')}
          data={(['F', 'M', 'U'] as const).map((s) => ({ value: s, label: t(`publicNotices.sex.${s}`) }))}
          clearable
          value={draft.sexId ?? null}
          onChange={set('sexId')}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-sex"
        />
        {age('ageMin')}
        {age('ageMax')}
        {kind === 'red' && (
          <Select
            label={t('publicNotices.filters.warrantCountry')}
            placeholder={t('publicNotices.filters.any')}
            data={countries}
            searchable
            clearable
            value={draft.arrestWarrantCountryId ?? null}
            onChange={set('arrestWarrantCountryId')}
            error={fieldError('arrestWarrantCountryId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="filter-warrant-country"
          />
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button variant="default" onClick={() => onSearch({})} data-testid="filter-clear">
          {t('publicNotices.filters.clear')}
        </Button>
        <Button type="submit" data-testid="filter-search">
          {t('publicNotices.filters.search')}
        </Button>
      </Group>
    </Paper>
  );
}
