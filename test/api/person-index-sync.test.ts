// Person search sees what was just written: by this server at once (created, changed, deleted,
// imported), and by another process on the same database (the CLI, a second server) at its next
// check for foreign writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personIndexTiming } from '../../src/modules/matching/person-index.sync.js';
import { operatorPrincipal } from '../../src/modules/records/bulk/import.cli.js';
import { importRecords } from '../../src/modules/records/bulk/import.service.js';
import { closeContext, createContext } from '../../src/platform/context-factory.js';
import { type Client, create, envelope, officer } from '../support/records.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
});
afterAll(async () => t?.close());

const person = (reference: string, name: string, dateOfBirth: string) => ({
  ...envelope(reference, { legalBasis: 'Jordanian code of criminal procedure' }),
  data: { names: [{ written: name }], sex: 'male', dateOfBirth, nationalities: ['JO'], status: 'wanted' },
});

async function found(name: string, dateOfBirth?: string): Promise<string[]> {
  const res = await fr.post('/api/v1/search/persons', { name, dateOfBirth, purpose: 'Checking a suspect' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { record: { id: string } }) => i.record.id);
}

describe('the person index keeps in step with the records', () => {
  it('finds a record as soon as this server has written it, and its new name once changed', async () => {
    const rec = await create(jo, 'nominal', person('JO-SYNC-1', 'خالد الحلبي', '1970-04-04'));
    const id = rec.id as string;
    expect(await found('Khaled al-Halabi', '1970-04-04')).toContain(id);
    const changed = await jo.patch(
      `/api/v1/records/${id}`,
      { data: { ...(rec.data as object), names: [{ written: 'Tariq Barakat' }] } },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await found('Khaled al-Halabi', '1970-04-04')).not.toContain(id);
    expect(await found('Tarek Baraket', '1970-04-04')).toContain(id);
    const gone = await jo.del(`/api/v1/records/${id}`, { 'if-match': `"${changed.json().version}"` });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await found('Tarek Baraket', '1970-04-04')).not.toContain(id);
  });

  it('tells operators at /metrics how many persons the index holds', async () => {
    await create(jo, 'nominal', person('JO-SYNC-2', 'عمر حداد', '1977-07-07'));
    expect(await found('Omar Haddad', '1977-07-07')).toHaveLength(1);
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    const held = /meridian_person_index_persons (\d+)/.exec(metrics.body);
    expect(Number(held?.[1])).toBeGreaterThan(0);
    expect(metrics.body).toMatch(/meridian_person_index_load_seconds \d/);
  });

  it('finds what this server imported, at once', async () => {
    await found('anyone'); // the index is loaded
    const csv =
      'reference,restriction,handling,sourceReliability,infoAccuracy,names.0.written,sex,dateOfBirth,status,purpose,legalBasis\n' +
      'JO-IMP-1,everyone,official,B,2,Ziad Jaber,male,1988-08-08,wanted,Wanted for fraud in Irbid,Jordanian code of criminal procedure\n';
    const outcome = await importRecords(
      t.ctx,
      operatorPrincipal('JO'),
      'nominal',
      { content: csv },
      {
        format: 'csv',
        mode: 'all_or_nothing',
      },
    );
    expect(outcome.created).toBe(1);
    expect(await found('زياد جابر', '1988-08-08')).toHaveLength(1);
  });

  it('finds what another process imported into the same database', async () => {
    personIndexTiming.foreignCheckMs = 0;
    const other = await createContext(t.config);
    try {
      const csv =
        'reference,restriction,handling,sourceReliability,infoAccuracy,names.0.written,sex,dateOfBirth,status,purpose,legalBasis\n' +
        'JO-CLI-1,everyone,official,B,2,Walid Hamdan,male,1966-06-06,wanted,Wanted for armed robbery in Amman,Jordanian code of criminal procedure\n';
      const outcome = await importRecords(
        other,
        operatorPrincipal('JO'),
        'nominal',
        { content: csv },
        {
          format: 'csv',
          mode: 'valid_rows',
        },
      );
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ created: 1, rejected: 0 });
      // Looked for behind the searches: found by a search shortly after (here within a second).
      await expect
        .poll(() => found('وليد حمدان', '1966-06-06'), { timeout: 5_000, interval: 50 })
        .toHaveLength(1);
    } finally {
      personIndexTiming.foreignCheckMs = 5_000;
      await closeContext(other);
    }
  });
});
