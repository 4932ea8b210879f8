// Searching the databases four ways. Every search states its purpose: it is audited and shown to
// the owners of what it finds, so the console remembers it for the session rather than the browser.
import { Alert, Button, Group, MultiSelect, Stack, Tabs, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { dbName } from './labels';
import { type SearchResult, useCatalogue } from './recordsApi';
import { DnaInputs, IdentifierInputs, PersonInputs, type PersonQuery } from './SearchForms';
import { SearchResults } from './SearchResults';

const PURPOSE_KEY = 'meridian.searchPurpose';
const TABS = ['identifier', 'person', 'text', 'dna'];
/** Fields whose message is shown under their input rather than in the alert. */
const SHOWN = ['purpose', 'value', 'kind', 'name', 'q', 'dateOfBirth', 'nationality', 'loci'];

type Page = { items: SearchResult[]; nextCursor?: string | null };

export function SearchPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [tab, setTab] = useState<string | null>('identifier');
  const [purpose, setPurpose] = useState(() => sessionStorage.getItem(PURPOSE_KEY) ?? '');
  const [databases, setDatabases] = useState<string[]>([]);
  const [identifier, setIdentifier] = useState({ value: '', kind: null as string | null });
  const [person, setPerson] = useState<PersonQuery>({ name: '', dateOfBirth: '', nationality: '', sex: '' });
  const [q, setQ] = useState('');
  const [loci, setLoci] = useState<Record<string, string[]>>({});
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const request = (cursor?: string): Promise<Page> => {
    const dbs = databases.length > 0 ? { databases } : {};
    if (tab === 'identifier') {
      const kind = identifier.kind ? { kind: identifier.kind } : {};
      return api.post('/search/identifiers', { value: identifier.value, ...kind, purpose, ...dbs });
    }
    if (tab === 'person') {
      const given = Object.fromEntries(Object.entries(person).filter(([, v]) => v.trim() !== ''));
      return api.post('/search/persons', { ...given, purpose, ...dbs });
    }
    if (tab === 'text')
      return api.post('/search/text', { q, purpose, ...dbs, ...(cursor ? { cursor } : {}) });
    const given = Object.fromEntries(Object.entries(loci).filter(([, v]) => v.length > 0));
    return api.post('/search/dna', { loci: given, purpose });
  };

  /** A new search, or (with the cursor) the next page of a free-text one. */
  const search = async (cursor?: string) => {
    setBusy(true);
    setError(null);
    sessionStorage.setItem(PURPOSE_KEY, purpose);
    try {
      const page = await request(cursor);
      setResults(cursor ? [...(results ?? []), ...page.items] : page.items);
      setNextCursor(page.nextCursor ?? null);
    } catch (e) {
      if (!cursor) setResults(null);
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
          setNextCursor(null);
          setError(null);
        }}
      >
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
              {t(`records.search.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identifier" pt="md">
          <IdentifierInputs
            value={identifier.value}
            kind={identifier.kind}
            onChange={(value, kind) => setIdentifier({ value, kind })}
            error={error}
          />
        </Tabs.Panel>
        <Tabs.Panel value="person" pt="md">
          <PersonInputs value={person} onChange={setPerson} error={error} />
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
          <DnaInputs value={loci} onChange={setLoci} error={error} />
        </Tabs.Panel>
      </Tabs>
      {tab !== 'dna' && (
        <MultiSelect
          label={t('records.search.databases')}
          placeholder={databases.length === 0 ? t('records.search.allDatabases') : undefined}
          data={dbChoices}
          value={databases}
          onChange={setDatabases}
          clearable
          searchable
        />
      )}
      <Group>
        <Button onClick={() => search()} loading={busy && !nextCursor} data-testid="run-search">
          {t('records.search.run')}
        </Button>
      </Group>
      {error && !error.errors.some((e) => SHOWN.includes(e.field.replace(/^body\./, ''))) && (
        <Alert color="red">{error.detail}</Alert>
      )}
      {results && <SearchResults items={results} />}
      {results && nextCursor && (
        <Button
          variant="default"
          w="fit-content"
          loading={busy}
          onClick={() => search(nextCursor)}
          data-testid="search-more"
        >
          {t('records.list.more')}
        </Button>
      )}
    </Stack>
  );
}
