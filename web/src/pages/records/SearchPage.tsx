// Searching the databases four ways. Every search states its purpose: it is audited and shown to
// the owners of what it finds.
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { dbName } from './labels';
import { type SearchResult, useCatalogue } from './recordsApi';
import { SearchResults } from './SearchResults';

const PURPOSE_KEY = 'meridian.searchPurpose';
const LOCI = ['D3S1358', 'vWA', 'FGA', 'TH01', 'D8S1179', 'D21S11', 'D18S51', 'D5S818', 'D13S317', 'D7S820'];

export function SearchPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [tab, setTab] = useState<string | null>('identifier');
  const [purpose, setPurpose] = useState(() => sessionStorage.getItem(PURPOSE_KEY) ?? '');
  const [databases, setDatabases] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [person, setPerson] = useState({ name: '', dateOfBirth: '', nationality: '', sex: '' });
  const [q, setQ] = useState('');
  const [loci, setLoci] = useState<Record<string, string[]>>({});
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setBusy(true);
    setError(null);
    sessionStorage.setItem(PURPOSE_KEY, purpose);
    const dbs = databases.length > 0 ? { databases } : {};
    try {
      let items: SearchResult[];
      if (tab === 'identifier')
        items = (await api.post<{ items: SearchResult[] }>('/search/identifiers', { value, purpose, ...dbs }))
          .items;
      else if (tab === 'person') {
        const body = Object.fromEntries(Object.entries(person).filter(([, v]) => v.trim() !== ''));
        items = (await api.post<{ items: SearchResult[] }>('/search/persons', { ...body, purpose, ...dbs }))
          .items;
      } else if (tab === 'text')
        items = (await api.post<{ items: SearchResult[] }>('/search/text', { q, purpose, ...dbs })).items;
      else {
        const given = Object.fromEntries(Object.entries(loci).filter(([, v]) => v.length > 0));
        items = (await api.post<{ items: SearchResult[] }>('/search/dna', { loci: given, purpose })).items;
      }
      setResults(items);
    } catch (e) {
      setResults(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const dbChoices = (catalogue.data?.items ?? [])
    .filter((d) => d.canRead && !d.managedBy)
    .map((d) => ({ value: d.id, label: dbName(t, d.id) }));

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('records.search.title')}</Title>
      <Textarea
        label={t('records.search.purpose')}
        description={t('records.search.purposeHelp')}
        required
        autosize
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        error={error?.fieldMessage('purpose')}
        data-testid="search-purpose"
      />
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v);
          setResults(null);
          setError(null);
        }}
      >
        <Tabs.List>
          {['identifier', 'person', 'text', 'dna'].map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
              {t(`records.search.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identifier" pt="md">
          <TextInput
            label={t('records.search.identifier')}
            description={t('records.search.identifierHelp')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error?.fieldMessage('value')}
            data-testid="search-value"
          />
        </Tabs.Panel>
        <Tabs.Panel value="person" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t('records.search.name')}
              description={t('records.search.nameHelp')}
              value={person.name}
              onChange={(e) => setPerson({ ...person, name: e.currentTarget.value })}
              error={error?.fieldMessage('name')}
              data-testid="search-name"
            />
            <TextInput
              label={t('records.search.dateOfBirth')}
              placeholder="1980-03-14"
              value={person.dateOfBirth}
              onChange={(e) => setPerson({ ...person, dateOfBirth: e.currentTarget.value })}
              error={error?.fieldMessage('dateOfBirth')}
            />
            <TextInput
              label={t('records.search.nationality')}
              placeholder="FR"
              value={person.nationality}
              onChange={(e) => setPerson({ ...person, nationality: e.currentTarget.value.toUpperCase() })}
              error={error?.fieldMessage('nationality')}
            />
            <Select
              label={t('records.search.sex')}
              clearable
              data={['female', 'male'].map((v) => ({ value: v, label: t(`choices.${v}`) }))}
              value={person.sex || null}
              onChange={(v) => setPerson({ ...person, sex: v ?? '' })}
            />
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="md">
          <TextInput
            label={t('records.search.words')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            error={error?.fieldMessage('q')}
            data-testid="search-text"
          />
        </Tabs.Panel>
        <Tabs.Panel value="dna" pt="md">
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {LOCI.map((l) => (
              <TagsInput
                key={l}
                label={l}
                maxTags={2}
                value={loci[l] ?? []}
                onChange={(v) => setLoci({ ...loci, [l]: v })}
              />
            ))}
          </SimpleGrid>
        </Tabs.Panel>
      </Tabs>
      {tab !== 'dna' && (
        <MultiSelect
          label={t('records.search.databases')}
          placeholder={t('records.search.allDatabases')}
          data={dbChoices}
          value={databases}
          onChange={setDatabases}
          clearable
        />
      )}
      <Group>
        <Button onClick={search} loading={busy} data-testid="run-search">
          {t('records.search.run')}
        </Button>
      </Group>
      {error &&
        !error.errors.some((e) =>
          ['purpose', 'value', 'name', 'q', 'dateOfBirth', 'nationality'].includes(e.field),
        ) && <Alert color="red">{error.detail}</Alert>}
      {results && <SearchResults items={results} />}
    </Stack>
  );
}
