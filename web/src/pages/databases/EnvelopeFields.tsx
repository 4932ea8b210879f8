// The fields every record has besides its data: reference, sharing, handling, purpose, legal
// basis, review date and the source grading.
import {
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Bureau } from '../../lib/api';
import { bureauName } from '../../lib/format';
import { HANDLING, RELIABILITY, type Restriction } from './recordsApi';

export interface Envelope {
  reference: string;
  restriction: Restriction;
  handling: string;
  purpose: string;
  legalBasis: string;
  reviewDate: string;
  sourceReliability: string;
  infoAccuracy: string;
}

export const EMPTY_ENVELOPE: Envelope = {
  reference: '',
  restriction: { mode: 'everyone' },
  handling: 'official',
  purpose: '',
  legalBasis: '',
  reviewDate: '',
  sourceReliability: 'B',
  infoAccuracy: '2',
};

/** The date the server sets when none is given: the database's review period from today. */
function defaultReview(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function EnvelopeFields({
  value,
  onChange,
  errors,
  legalBasisRequired,
  reviewYears,
  editing,
}: {
  value: Envelope;
  onChange: (v: Envelope) => void;
  errors: Record<string, string>;
  legalBasisRequired: boolean;
  reviewYears: number;
  editing: boolean;
}) {
  const { t } = useTranslation();
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
  });
  const set = (patch: Partial<Envelope>) => onChange({ ...value, ...patch });
  const r = value.restriction;
  const listed = r.mode === 'everyone' ? [] : r.bureaus;
  // The server may name the restriction or a part of it (`restriction.bureaus`).
  const restrictionError = Object.entries(errors).find(
    ([k]) => k === 'restriction' || k.startsWith('restriction.'),
  )?.[1];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('records.envelope.reference')}
          description={t('records.envelope.referenceHelp')}
          required
          disabled={editing}
          value={value.reference}
          error={errors.reference}
          onChange={(e) => set({ reference: e.currentTarget.value })}
          data-testid="field-reference"
        />
        <Select
          label={t('records.envelope.handling')}
          required
          data={HANDLING.map((h) => ({ value: h, label: t(`records.handling.${h}`) }))}
          value={value.handling}
          error={errors.handling}
          onChange={(v) => set({ handling: v ?? 'official' })}
          data-testid="field-handling"
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('records.envelope.restriction')}
        </Text>
        <SegmentedControl
          data={['everyone', 'only', 'except'].map((m) => ({
            value: m,
            label: t(`records.restriction.${m}`),
          }))}
          value={r.mode}
          onChange={(mode) =>
            set({
              restriction:
                mode === 'everyone'
                  ? { mode: 'everyone' }
                  : { mode: mode as 'only' | 'except', bureaus: listed },
            })
          }
          data-testid="field-restriction-mode"
        />
        {r.mode !== 'everyone' && (
          <MultiSelect
            searchable
            placeholder={t('records.envelope.bureaus')}
            data={(bureaus.data?.items ?? []).map((b) => ({
              value: b.code,
              label: `${b.code} — ${bureauName(b.names, b.code)}`,
            }))}
            value={listed}
            error={restrictionError}
            onChange={(v) => set({ restriction: { mode: r.mode, bureaus: v } })}
            data-testid="field-restriction-bureaus"
          />
        )}
        {r.mode === 'everyone' && restrictionError && (
          <Text size="xs" c="red">
            {restrictionError}
          </Text>
        )}
      </Stack>
      <Textarea
        label={t('records.envelope.purpose')}
        description={t('records.envelope.purposeHelp')}
        required
        autosize
        minRows={2}
        value={value.purpose}
        error={errors.purpose}
        onChange={(e) => set({ purpose: e.currentTarget.value })}
        data-testid="field-purpose"
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('records.envelope.legalBasis')}
          description={t(
            legalBasisRequired ? 'records.envelope.legalBasisRequired' : 'records.envelope.legalBasisHelp',
          )}
          required={legalBasisRequired}
          value={value.legalBasis}
          error={errors.legalBasis}
          onChange={(e) => set({ legalBasis: e.currentTarget.value })}
          data-testid="field-legalBasis"
        />
        <TextInput
          type="date"
          label={t('records.envelope.reviewDate')}
          description={t('records.envelope.reviewDateDefault', {
            years: reviewYears,
            date: defaultReview(reviewYears),
          })}
          data-testid="field-reviewDate"
          value={value.reviewDate}
          error={errors.reviewDate}
          onChange={(e) => set({ reviewDate: e.currentTarget.value })}
        />
        <Select
          label={t('records.envelope.sourceReliability')}
          required
          data={RELIABILITY.map((v) => ({ value: v, label: t(`records.reliability.${v}`) }))}
          value={value.sourceReliability}
          error={errors.sourceReliability}
          onChange={(v) => set({ sourceReliability: v ?? 'B' })}
        />
        <Select
          label={t('records.envelope.infoAccuracy')}
          required
          data={['1', '2', '3', '4'].map((v) => ({ value: v, label: t(`records.accuracy.${v}`) }))}
          value={value.infoAccuracy}
          error={errors.infoAccuracy}
          onChange={(v) => set({ infoAccuracy: v ?? '2' })}
        />
      </SimpleGrid>
    </Stack>
  );
}
