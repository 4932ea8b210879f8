// The inputs of each kind of search; the page owns their values and sends them.
import { Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api';
import { choiceLabel } from './labels';
import { useCatalogue } from './recordsApi';

export interface PersonQuery {
  name: string;
  dateOfBirth: string;
  nationality: string;
  sex: string;
}

// The core STR loci of the common kits (the demo profiles use the first ten).
const LOCI = [
  'D3S1358',
  'vWA',
  'FGA',
  'TH01',
  'D8S1179',
  'D21S11',
  'D18S51',
  'D5S818',
  'D13S317',
  'D7S820',
  'D16S539',
  'D2S1338',
  'D19S433',
  'TPOX',
  'CSF1PO',
];

export function IdentifierInputs(props: {
  value: string;
  kind: string | null;
  onChange: (value: string, kind: string | null) => void;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  // Every kind of identifier some database holds, each once.
  const kinds = [...new Set((catalogue.data?.items ?? []).flatMap((d) => d.identifierKinds))].sort();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <TextInput
        style={{ gridColumn: 'span 2' }}
        label={t('records.search.identifier')}
        description={t('records.search.identifierHelp')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value, props.kind)}
        error={props.error?.fieldMessage('value')}
        data-testid="search-value"
      />
      <Select
        label={t('records.search.kind')}
        description={t('records.search.kindHelp')}
        placeholder={t('records.search.anyKind')}
        clearable
        data={kinds.map((k) => ({ value: k, label: t(`records.search.kinds.${k}`, { defaultValue: k }) }))}
        value={props.kind}
        onChange={(k) => props.onChange(props.value, k)}
        error={props.error?.fieldMessage('kind')}
        data-testid="search-kind"
      />
    </SimpleGrid>
  );
}

export function PersonInputs(props: {
  value: PersonQuery;
  onChange: (v: PersonQuery) => void;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const { value: person, onChange, error } = props;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <TextInput
        label={t('records.search.name')}
        description={t('records.search.nameHelp')}
        value={person.name}
        onChange={(e) => onChange({ ...person, name: e.currentTarget.value })}
        error={error?.fieldMessage('name')}
        data-testid="search-name"
      />
      <TextInput
        label={t('records.search.dateOfBirth')}
        placeholder="1980-03-14"
        value={person.dateOfBirth}
        onChange={(e) => onChange({ ...person, dateOfBirth: e.currentTarget.value })}
        error={error?.fieldMessage('dateOfBirth')}
        data-testid="search-dob"
      />
      <TextInput
        label={t('records.search.nationality')}
        placeholder="FR"
        maxLength={2}
        value={person.nationality}
        onChange={(e) => onChange({ ...person, nationality: e.currentTarget.value.toUpperCase() })}
        error={error?.fieldMessage('nationality')}
      />
      <Select
        label={t('records.search.sex')}
        clearable
        data={['female', 'male'].map((v) => ({ value: v, label: choiceLabel(t, v) }))}
        value={person.sex || null}
        onChange={(v) => onChange({ ...person, sex: v ?? '' })}
      />
    </SimpleGrid>
  );
}

/** A DNA profile to compare: one or two alleles per locus; at least six loci. */
export function DnaInputs(props: {
  value: Record<string, string[]>;
  onChange: (v: Record<string, string[]>) => void;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const filled = Object.values(props.value).filter((a) => a.length > 0).length;
  return (
    <Stack gap="xs">
      <Text size="sm" c={props.error?.fieldMessage('loci') ? 'red' : 'dimmed'} data-testid="dna-count">
        {props.error?.fieldMessage('loci') ?? t('records.search.dnaHelp', { count: filled })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        {LOCI.map((l) => (
          <TagsInput
            key={l}
            label={l}
            maxTags={2}
            value={props.value[l] ?? []}
            onChange={(v) => props.onChange({ ...props.value, [l]: v })}
            data-testid={`locus-${l}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
