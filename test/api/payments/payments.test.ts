// Payment interventions through the API, on SQLite and PostgreSQL: a case opened by the victim's
// bureau with IBANs and BICs checked; routing by receiving country, one part per country; each
// receiving bureau sees its own part only; acknowledgement, forwarding to its financial unit,
// partial freeze and money that moved on chased to a third country, frozen and returned there;
// overdue flags to both bureaus and the GS; idempotent retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagOverdue } from '../../../src/modules/payments/payments.service.js';
import { type Client, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let ng: Client;
let br: Client;
let jo: Client;
let operator: Client; // xg.admin: loads the rates (a TOTP code is spent once: sign in once)
let reviewer: Client; // xg.reviewer: oversees every case, acts on none

const NIGERIA = { receivingAccount: '0123456789', receivingBic: 'FBNINGLA' }; // no IBAN: the BIC routes it
const BRAZIL_IBAN = 'BR18 0036 0305 0000 1000 9795 493C 1';
const JORDAN_IBAN = 'JO94CBJO0010000000000131000302';

const caseBody = (transactions: Record<string, unknown>[]) => ({
  fraudType: 'business_email_compromise',
  victim: { kind: 'company', name: 'Aérospatiale Lyon SA', country: 'FR' },
  reportedAt: '2026-11-28T08:15:00.000Z',
  summary: 'Invoice fraud: the supplier’s bank details were changed by e-mail.',
  transactions,
});
const tx = (extra: Record<string, unknown>) => ({
  amountMinor: '4200000000',
  currency: 'USD',
  date: '2026-11-27',
  sendingAccount: 'FR1420041010050500013M02606',
  beneficiaryName: 'Global Trade Partners Ltd',
  ...extra,
});

type CaseDto = {
  parts: { id: string; receivingBureau: string; status: string; overdue: boolean }[];
  transactions: {
    id: string;
    partId: string;
    outcome: string;
    frozenMinor: string;
    returnedMinor: string;
    followUpCaseId: string | null;
    movedToCountry: string | null;
    receivingCountry: string;
  }[];
  steps: { action: string; actorBureau: string }[];
  parentTransactionId: string | null;
};

async function open(body: unknown, headers?: Record<string, string>) {
  const res = await fr.post('/api/v1/payments/cases', body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const read = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/payments/cases/${id}`);
  return { status: res.statusCode, body: res.json() as CaseDto };
};

beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  ng = await officer(t.app, 'ng.officer');
  br = await officer(t.app, 'br.officer');
  jo = await officer(t.app, 'jo.officer');
  operator = await officer(t.app, 'xg.admin');
  reviewer = await officer(t.app, 'xg.reviewer');
});
afterAll(async () => t?.close());

describe('opening a case', () => {
  it('refuses bad accounts, currencies and amounts with the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [tx({ receivingAccount: 'DE89370400440532013001' }), 'transactions.0.receivingAccount'], // bad check digits
      [tx({ receivingAccount: '0123456789' }), 'transactions.0.receivingBic'], // not an IBAN, no BIC
      [tx({ receivingAccount: JORDAN_IBAN, receivingBic: 'FBNINGLA' }), 'transactions.0.receivingBic'], // BIC of another country
      [tx({ ...NIGERIA, currency: 'XYZ' }), 'transactions.0.currency'],
      [tx({ ...NIGERIA, amountMinor: '0' }), 'transactions.0.amountMinor'],
      [tx({ ...NIGERIA, amountMinor: '12.50' }), 'transactions.0.amountMinor'],
    ];
    for (const [transaction, field] of cases) {
      const res = await fr.post('/api/v1/payments/cases', caseBody([transaction]));
      expect(res.statusCode, JSON.stringify(transaction)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('opens a case once for a retried request', async () => {
    const body = caseBody([tx({ receivingAccount: BRAZIL_IBAN, amountMinor: '990000' })]);
    const a = await open(body, { 'idempotency-key': 'case-retry-1' });
    const b = await fr.post('/api/v1/payments/cases', body, { 'idempotency-key': 'case-retry-1' });
    expect(b.json().id).toBe(a);
    const n = await t.ctx.db
      .selectFrom('payment_cases')
      .select('id')
      .where('idempotency_ref', 'is not', null)
      .execute();
    expect(n).toHaveLength(1);
  });
});

describe('the flow: routing, freeze, chase, return', () => {
  it('routes to each receiving country, freezes, chases what moved on and returns it', async () => {
    const id = await open(
      caseBody([
        tx({ ...NIGERIA }),
        tx({ receivingAccount: BRAZIL_IBAN, amountMinor: '150000000', currency: 'EUR' }),
      ]),
    );
    const atFr = (await read(fr, id)).body;
    expect(atFr.parts.map((x) => x.receivingBureau).sort()).toEqual(['BR', 'NG']);
    expect(atFr.transactions.map((x) => x.receivingCountry)).toEqual(['NG', 'BR']);

    // Each receiving bureau sees its own part only; others nothing.
    const atNg = await read(ng, id);
    expect(atNg.status).toBe(200);
    expect(atNg.body.parts.map((x) => x.receivingBureau)).toEqual(['NG']);
    expect(atNg.body.transactions).toHaveLength(1);
    expect((await read(br, id)).body.transactions.map((x) => x.receivingCountry)).toEqual(['BR']);
    expect((await read(jo, id)).status).toBe(404);

    // Nigeria: its queue, acknowledgement, its financial unit.
    const queue = (await ng.get('/api/v1/payments/cases?box=queue')).json().items as {
      case_id: string;
      part_id: string;
    }[];
    const part = queue.find((q) => q.case_id === id)!;
    expect(part).toBeTruthy();
    expect((await ng.post(`/api/v1/payments/parts/${part.part_id}/acknowledge`, {})).statusCode).toBe(204);
    expect((await ng.post(`/api/v1/payments/parts/${part.part_id}/acknowledge`, {})).statusCode).toBe(409);
    expect((await fr.post(`/api/v1/payments/parts/${part.part_id}/acknowledge`, {})).statusCode).toBe(404);
    const fiu = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('bureau_code', '=', 'NG')
      .where('kind', '=', 'financial_intelligence')
      .executeTakeFirstOrThrow();
    expect(
      (await ng.post(`/api/v1/payments/parts/${part.part_id}/forward`, { unitId: fiu.id })).statusCode,
    ).toBe(204);

    // A quarter frozen, the rest moved on to Jordan: a chase opens there.
    const txNg = atNg.body.transactions[0]!;
    const tooMuch = await ng.post(`/api/v1/payments/transactions/${txNg.id}/outcome`, {
      outcome: 'moved_on',
      frozenMinor: '5000000000',
      movedToAccount: JORDAN_IBAN,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toBe('frozenMinor');
    const moved = await ng.post(`/api/v1/payments/transactions/${txNg.id}/outcome`, {
      outcome: 'moved_on',
      frozenMinor: '1050000000',
      movedToAccount: JORDAN_IBAN,
      note: 'Three quarters wired on to Amman before the freeze',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const chaseId = moved.json().followUpCaseId as string;
    expect(chaseId).toBeTruthy();

    const chase = await read(jo, chaseId);
    expect(chase.status).toBe(200);
    expect(chase.body.parentTransactionId).toBe(txNg.id);
    expect(chase.body.transactions[0]).toMatchObject({ receivingCountry: 'JO' });
    expect(
      (
        await t.ctx.db
          .selectFrom('payment_transactions')
          .select('amount_minor')
          .where('case_id', '=', chaseId)
          .executeTakeFirstOrThrow()
      ).amount_minor,
    ).toBe('3150000000');
    // The victim's bureau follows the chain.
    const original = (await read(fr, id)).body.transactions.find((x) => x.id === txNg.id)!;
    expect(original).toMatchObject({
      outcome: 'moved_on',
      frozenMinor: '1050000000',
      followUpCaseId: chaseId,
      movedToCountry: 'JO',
    });
    expect((await read(fr, chaseId)).status).toBe(200);

    // Jordan freezes all of it, then returns it to the victim.
    const jTx = chase.body.transactions[0]!;
    expect(
      (await jo.post(`/api/v1/payments/transactions/${jTx.id}/outcome`, { outcome: 'frozen' })).statusCode,
    ).toBe(200);
    expect(
      (await jo.post(`/api/v1/payments/transactions/${jTx.id}/outcome`, { outcome: 'returned' })).statusCode,
    ).toBe(200);
    const done = (await read(fr, chaseId)).body;
    expect(done.transactions[0]).toMatchObject({
      outcome: 'returned',
      returnedMinor: '3150000000',
      frozenMinor: '3150000000',
    });
    expect(done.parts[0]!.status).toBe('answered');
    expect(done.steps.map((s) => s.action)).toEqual(['chase', 'route', 'outcome', 'answer', 'outcome']);

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'payment.open',
        'payment.acknowledge',
        'payment.forward',
        'payment.answer',
        'payment.read',
      ]),
    );
  });

  it('flags an overdue request to both bureaus and the General Secretariat, once', async () => {
    const id = await open(caseBody([tx({ receivingAccount: BRAZIL_IBAN, amountMinor: '777' })]));
    await t.ctx.db
      .updateTable('payment_parts')
      .set({ ack_due_at: '2026-01-01T00:00:00.000Z' })
      .where('case_id', '=', id)
      .execute();
    expect(await flagOverdue(t.ctx)).toBeGreaterThanOrEqual(1);
    const flagged = (await read(fr, id)).body;
    expect(flagged.parts[0]!.overdue).toBe(true);
    expect(flagged.steps.some((s) => s.action === 'overdue')).toBe(true);
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['payload', 'access'])
      .where('topic', '=', 'payments.overdue')
      .execute();
    const ours = events.find((e) => JSON.parse(e.payload).caseId === id)!;
    expect(JSON.parse(ours.access).restriction.bureaus).toEqual(['BR', 'XG']);
    const again = await flagOverdue(t.ctx);
    const after = await t.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('topic', '=', 'payments.overdue')
      .execute();
    expect(after.filter((e) => JSON.parse(e.payload).caseId === id)).toHaveLength(1);
    expect(again).toBeGreaterThanOrEqual(0);

    // The overdue list: both bureaus see the part; the GS reviewer oversees every bureau's; a GS
    // officer (no review right) and another bureau see none; the reviewer acts on nothing.
    const overdueIds = async (c: Client) =>
      ((await c.get('/api/v1/payments/cases?box=overdue')).json().items as { case_id: string }[]).map(
        (x) => x.case_id,
      );
    expect(await overdueIds(fr)).toContain(id);
    expect(await overdueIds(br)).toContain(id);
    expect(await overdueIds(reviewer)).toContain(id);
    expect(await overdueIds(ng)).not.toContain(id);
    expect(await overdueIds(await officer(t.app, 'xg.officer'))).not.toContain(id);
    expect((await reviewer.get('/api/v1/payments/cases?box=queue')).statusCode).toBe(403);
    const part = flagged.parts[0]!;
    expect((await reviewer.post(`/api/v1/payments/parts/${part.id}/acknowledge`)).statusCode).toBe(403);
  });

  it('counts what was frozen and returned, in each currency and in US dollars with the dated rates', async () => {
    // Brazil freezes the euro transfer of the first case.
    const brQueue = (await br.get('/api/v1/payments/cases?box=queue')).json().items as { case_id: string }[];
    const withEuros = await Promise.all(brQueue.map(async (q) => (await read(br, q.case_id)).body));
    const euroTx = withEuros
      .flatMap((c) => c.transactions)
      .find(
        (x) =>
          x.receivingCountry === 'BR' &&
          x.outcome === 'pending' &&
          (x as unknown as { currency: string }).currency === 'EUR',
      )!;
    expect(
      (await br.post(`/api/v1/payments/transactions/${euroTx.id}/outcome`, { outcome: 'frozen' })).statusCode,
    ).toBe(200);

    expect(
      (
        await fr.put('/api/v1/payments/rates', {
          rates: [{ day: '2026-11-01', currency: 'EUR', usdPerUnit: '1.0842' }],
        })
      ).statusCode,
    ).toBe(403);
    const bad = await operator.put('/api/v1/payments/rates', {
      rates: [{ day: '2026-11-01', currency: 'EUR', usdPerUnit: '0' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('rates.0.usdPerUnit');
    const loaded = await operator.put('/api/v1/payments/rates', {
      rates: [
        { day: '2026-11-01', currency: 'EUR', usdPerUnit: '1.0842' },
        { day: '2026-12-01', currency: 'EUR', usdPerUnit: '2' }, // after the transfer: not used
      ],
    });
    expect(loaded.statusCode, loaded.body).toBe(200);

    const f = (await fr.get('/api/v1/payments/figures')).json();
    // USD 10.5 M frozen in Nigeria + USD 31.5 M in Jordan (returned) + EUR 1.5 M in Brazil at 1.0842.
    expect(f.total.frozen).toEqual({ USD: '4200000000', EUR: '150000000' });
    expect(f.total.returned).toEqual({ USD: '3150000000', EUR: '0' });
    expect(f.total.frozenUsdCents).toBe('4362630000');
    expect(f.total.returnedUsdCents).toBe('3150000000');
    expect(
      f.byCountry.map((x: { key: string; frozenUsdCents: string }) => [x.key, x.frozenUsdCents]),
    ).toEqual([
      ['BR', '162630000'],
      ['JO', '3150000000'],
      ['NG', '1050000000'],
    ]);
    expect(f.byFraudType[0].key).toBe('business_email_compromise');
    expect(f.byMonth.map((x: { key: string }) => x.key)).toEqual(['2026-11']);
    expect(f.medianMinutesToFreeze).toBeGreaterThan(0);
    // Nigeria sees the figures of what it received only.
    const atNg = (await ng.get('/api/v1/payments/figures')).json();
    expect(atNg.total.frozen).toEqual({ USD: '1050000000' });
    // The General Secretariat's reviewer sees every bureau's figures.
    const atGs = (await reviewer.get('/api/v1/payments/figures')).json();
    expect(atGs.total.frozenUsdCents).toBe('4362630000');

    const csv = await fr.get('/api/v1/payments/figures.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')).toEqual(
      expect.arrayContaining(['total,all,EUR,150000000,0', 'total,all,USD_CONVERTED,4362630000,3150000000']),
    );
  });
});
