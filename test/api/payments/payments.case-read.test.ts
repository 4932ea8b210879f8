// What the console reads to draw a case and the queues, on SQLite and PostgreSQL: each part
// says which actions its reader may take now (only the receiving bureau's officers act, and
// acknowledging ends once done), a chase case names its parent case, and the lists carry the
// victim so that an officer recognises a case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let ng: Client;
let jo: Client;

const JORDAN_IBAN = 'JO94CBJO0010000000000131000302';

type Part = { id: string; receivingBureau: string; status: string; actions: string[] };
type CaseDto = {
  parts: Part[];
  transactions: { id: string; followUpCaseId: string | null }[];
  parentCaseId: string | null;
  parentTransactionId: string | null;
};

const read = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/payments/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDto;
};

beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  ng = await officer(t.app, 'ng.officer');
  jo = await officer(t.app, 'jo.officer');
});
afterAll(async () => t?.close());

describe('a case as the console reads it', () => {
  it('offers each reader the actions the server accepts, and links a chase to its parent', async () => {
    const opened = await fr.post(
      '/api/v1/payments/cases',
      {
        fraudType: 'romance',
        victim: { kind: 'person', name: 'Martine Rousseau', country: 'FR' },
        reportedAt: '2026-03-02T10:00:00.000Z',
        transactions: [
          {
            amountMinor: '2500000',
            currency: 'EUR',
            date: '2026-03-01',
            receivingAccount: '0123456789',
            receivingBic: 'FBNINGLA',
            beneficiaryName: 'J. Okoro',
          },
        ],
      },
      { 'idempotency-key': 'case-read-1' },
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;

    // The victim's bureau follows; it does not act on another bureau's part.
    expect((await read(fr, id)).parts[0]!.actions).toEqual([]);
    const atNg = await read(ng, id);
    expect(atNg.parts[0]!.actions).toEqual(['acknowledge', 'forward', 'outcome']);
    expect(atNg.parentCaseId).toBeNull();

    const part = atNg.parts[0]!.id;
    expect((await ng.post(`/api/v1/payments/parts/${part}/acknowledge`, {})).statusCode).toBe(204);
    expect((await read(ng, id)).parts[0]!.actions).toEqual(['forward', 'outcome']);

    // The queue and the opened list name the victim.
    const queue = (await ng.get('/api/v1/payments/cases?box=queue')).json().items as {
      case_id: string;
      victim: { name: string };
    }[];
    expect(queue.find((q) => q.case_id === id)?.victim.name).toBe('Martine Rousseau');
    const mine = (await fr.get('/api/v1/payments/cases?box=opened')).json().items as {
      case_id: string;
      victim: { kind: string };
      receiving_bureau: string;
    }[];
    expect(mine.find((q) => q.case_id === id)).toMatchObject({
      receiving_bureau: 'NG',
      victim: { kind: 'person' },
    });

    // Money moved on to Jordan: the chase names its parent case; the answered part still records outcomes.
    const moved = await ng.post(`/api/v1/payments/transactions/${atNg.transactions[0]!.id}/outcome`, {
      outcome: 'moved_on',
      movedToAccount: JORDAN_IBAN,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const chaseId = moved.json().followUpCaseId as string;
    expect((await read(ng, id)).parts[0]!.actions).toEqual(['outcome']);
    const chase = await read(jo, chaseId);
    expect(chase.parentCaseId).toBe(id);
    expect(chase.parts[0]!.actions).toEqual(['acknowledge', 'forward', 'outcome']);
    expect((await read(fr, chaseId)).parentCaseId).toBe(id);
  });
});
