// Person screening: several persons checked at once against every database that names persons,
// in any script, through POST /match. Each result shows its score, whether it reaches the
// matching threshold, why (which names paired, the date, nationality, sex), and what the access
// policy lets this officer see; a match on another bureau's record notifies its owner.
import { ActionIcon, Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import type { SearchResult } from '../databases/recordsApi';
import { PersonInputs, type PersonQuery } from '../databases/SearchForms';
import { SearchResults } from '../databases/SearchResults';

const PURPOSE_KEY = 'meridian.searchPurpose';
const MAX_PERSONS = 50;
const empty = (): PersonQuery => ({ name: '', dateOfBirth: '', nationality: '', sex: '' });

interface MatchResult {
  id: string;
  caption: string;
  score: number;
  match: boolean;
  explanations: string[];
  hitId: string | null;
  record: SearchResult['record'];
}
interface MatchResponse {
  responses: Record<string, { results: MatchResult[] }>;
  threshold: number;
}

/** The request's property names, as the person inputs name their fields. */
const INPUT_OF: Record<string, string> = {
  name: 'name',
  birthDate: 'dateOfBirth',
  nationality: 'nationality',
  gender: 'sex',
};

/** The server's messages about one person (queries.pN.properties.x…), under that person's inputs. */
function errorsOf(error: ApiError | null, key: string): ApiError | null {
  if (!error) return null;
  const mine = error.errors
    .filter((e) => e.field.startsWith(`queries.${key}.`))
    .map((e) => {
      const named = e.field.split('.').find((part) => INPUT_OF[part]);
      return { ...e, field: named ? INPUT_OF[named]! : e.field };
    });
  return mine.length > 0 ? new ApiError(error.status, error.code, error.detail, mine) : null;
}

function query(p: PersonQuery) {
  const properties: Record<string, string[]> = { name: [p.name.trim()] };
  if (p.dateOfBirth.trim()) properties.birthDate = [p.dateOfBirth.trim()];
  if (p.nationality.trim()) properties.nationality = [p.nationality.trim()];
  if (p.sex) properties.gender = [p.sex];
  return { schema: 'Person', properties };
}

/** A /match result in the shape the database search shows, the match flag kept. */
function asSearchResult(r: MatchResult): SearchResult {
  return {
    access: r.record.access === 'see' ? 'see' : 'exists',
    match: r.score.toFixed(2),
    hitId: r.hitId,
    detail: { score: r.score, reasons: r.explanations, match: r.match },
    record: r.record,
  };
}

export function PersonScreeningPage() {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState(() => sessionStorage.getItem(PURPOSE_KEY) ?? '');
  const [persons, setPersons] = useState<PersonQuery[]>([empty()]);
  const [answer, setAnswer] = useState<{
    asked: { key: string; person: PersonQuery }[];
    body: MatchResponse;
  } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [rowKeys, setRowKeys] = useState<(string | null)[]>([]);
  const rowErrors = (i: number) => (rowKeys[i] ? errorsOf(error, rowKeys[i]!) : null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    sessionStorage.setItem(PURPOSE_KEY, purpose);
    // Rows without a name are skipped; each other row's key is remembered to place its errors.
    let n = 0;
    const keys = persons.map((p) => (p.name.trim() === '' ? null : `p${++n}`));
    setRowKeys(keys);
    const asked = persons.flatMap((person, i) => (keys[i] ? [{ key: keys[i]!, person }] : []));
    try {
      const queries = Object.fromEntries(asked.map((a) => [a.key, query(a.person)]));
      const body = await api.post<MatchResponse>('/match', { purpose, queries, limit: 10 });
      setAnswer({ asked, body });
    } catch (e) {
      setAnswer(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const purposeError = error?.fieldMessage('purpose');
  const general = error && !purposeError && !persons.some((_, i) => rowErrors(i));
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('persons.title')}</Title>
      <Text c="dimmed">{t('persons.intro')}</Text>
      <Textarea
        label={t('records.search.purpose')}
        description={t('records.search.purposeHelp')}
        required
        autosize
        minRows={1}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        error={purposeError}
        data-testid="screen-purpose"
      />
      {persons.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list being typed
        <Card key={i} withBorder padding="sm" data-testid={`person-row-${i + 1}`}>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>{t('persons.person', { n: i + 1 })}</Text>
            {persons.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('persons.remove')}
                onClick={() => setPersons(persons.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
          <PersonInputs
            value={p}
            onChange={(v) => setPersons(persons.map((q, j) => (j === i ? v : q)))}
            error={rowErrors(i)}
          />
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          disabled={persons.length >= MAX_PERSONS}
          onClick={() => setPersons([...persons, empty()])}
          data-testid="add-person"
        >
          {t('persons.add')}
        </Button>
        <Button onClick={run} loading={busy} data-testid="screen-run">
          {t('persons.run')}
        </Button>
      </Group>
      {general && (
        <Alert color="red" data-testid="screen-error">
          {error.detail}
        </Alert>
      )}
      {answer && (
        <Stack data-testid="screen-results">
          {answer.asked.map(({ key, person: p }) => {
            const results = answer.body.responses[key]?.results ?? [];
            const matches = results.filter((r) => r.match).length;
            return (
              <Card key={key} withBorder data-testid={`answer-${key.slice(1)}`}>
                <Group justify="space-between" mb="xs">
                  <Text fw={700}>
                    {[p.name, p.dateOfBirth, p.nationality].filter((x) => x.trim() !== '').join(' · ')}
                  </Text>
                  <Badge color={matches > 0 ? 'red' : 'gray'} data-testid="match-count">
                    {t('persons.matches', { count: matches })}
                  </Badge>
                </Group>
                <SearchResults items={results.map(asSearchResult)} />
              </Card>
            );
          })}
          <Text size="sm" c="dimmed">
            {t('persons.threshold', { threshold: Math.round(answer.body.threshold * 100) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
