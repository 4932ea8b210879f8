// Notices end to end through the API, on SQLite and PostgreSQL: drafting with per-type required
// data, the whole workflow (approval by another supervisor, submission, review with assistance,
// more information, publication, cancellation, refusal, expiry), who may read what, diffusions to
// chosen bureaus, and what publication does at borders and in the public API — and undoes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueNotices } from '../../../src/modules/notices/notices.steps.js';
import { type Client, officer } from '../../support/records.js';
import { as, createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let frOfficer: Client;
let frSupervisor: Client;
let joOfficer: Client;
let brOfficer: Client;
let reviewer: Client;
let border: Client;

type NoticeDto = {
  id: string;
  status: string;
  controlNumber: string | null;
  version: number;
  reviewDate: string | null;
  actions: string[];
  editable: boolean;
  steps: { action: string; toStatus: string; comment: string | null; actorBureau: string }[];
};

const subject = (familyName: string, extra: Record<string, unknown> = {}) => ({
  familyName,
  forenames: 'Karim',
  sex: 'male',
  dateOfBirth: '1979-04-21',
  nationalities: ['FR'],
  identityDocuments: [{ type: 'passport', number: '19FR55123', issuingCountry: 'FR' }],
  ...extra,
});

const redData = (familyName: string, offence = 'Armed robbery', extra: Record<string, unknown> = {}) => ({
  subject: subject(familyName),
  warrant: {
    basis: 'prosecution',
    reference: 'MA-2026-0117',
    date: '2026-03-02',
    issuingAuthority: 'Tribunal judiciaire de Paris',
    issuingCountry: 'FR',
    maximumPenaltyMonths: 240,
  },
  charges: [{ offence, facts: 'Robbed a jewellery shop in Paris with a firearm on 12 January 2026.' }],
  ...extra,
});

async function draft(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/notices', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as NoticeDto;
}

async function step(c: Client, n: { id: string; version: number }, action: string, reason?: string) {
  const res = await c.post(
    `/api/v1/notices/${n.id}/steps`,
    { action, ...(reason ? { reason } : {}) },
    { 'if-match': `"${n.version}"` },
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NoticeDto;
}

/** Drafted by the FR officer, approved and submitted by the FR supervisor, published by the GS. */
async function publishedRed(familyName: string, extra: Record<string, unknown> = {}) {
  let n = await draft(frOfficer, { kind: 'notice', type: 'red', data: redData(familyName), ...extra });
  n = await step(frSupervisor, n, 'approve');
  n = await step(frSupervisor, n, 'submit');
  n = await step(reviewer, n, 'take');
  return step(reviewer, n, 'publish');
}

const travellers = (items: unknown[]) => border.post('/api/v1/screening/travellers', { items });
const personItem = (name: string) => ({
  person: { name, dateOfBirth: '1979-04-21', nationality: 'FR', sex: 'male' },
});
const documentItem = (number: string) => ({ document: { number, issuingCountry: 'FR', type: 'passport' } });
const hitsOf = (res: { json: () => unknown }) =>
  (
    res.json() as {
      items: { status: string; hits?: { ownerBureau: string; database: string; recordId: string }[] }[];
    }
  ).items;

/** The records a notice put in front of border screening. */
const screenedRecords = async (noticeId: string) =>
  (
    await t.ctx.db
      .selectFrom('notice_records')
      .select('record_id')
      .where('notice_id', '=', noticeId)
      .execute()
  ).map((r) => r.record_id);
/** Whether a screening answer names any of these records. */
const names = (items: ReturnType<typeof hitsOf>, records: string[]) =>
  items.some((i) => i.hits?.some((h) => records.includes(h.recordId)) ?? false);

beforeAll(async () => {
  t = await createTestApp();
  frOfficer = await officer(t.app, 'fr.officer');
  frSupervisor = await officer(t.app, 'fr.supervisor');
  joOfficer = await officer(t.app, 'jo.officer');
  brOfficer = await officer(t.app, 'br.officer');
  reviewer = await officer(t.app, 'xg.reviewer');
  border = as(t.app, { apiKey: t.demoApiKey! });
});
afterAll(async () => t?.close());

describe('drafting', () => {
  it('refuses bad data with the field at fault', async () => {
    const noName = await frOfficer.post('/api/v1/notices', {
      kind: 'notice',
      type: 'red',
      data: { ...redData('X'), subject: { sex: 'male' } },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.headers['content-type']).toContain('application/problem+json');
    expect(noName.json().errors.map((e: { field: string }) => e.field)).toContain('data.subject.familyName');

    const noPenalty = await frOfficer.post('/api/v1/notices', {
      kind: 'notice',
      type: 'red',
      data: redData('Y', 'Fraud', {
        warrant: { ...redData('Y').warrant, maximumPenaltyMonths: undefined },
      }),
    });
    expect(noPenalty.statusCode).toBe(400);
    expect(noPenalty.json().errors[0].field).toBe('data.warrant.maximumPenaltyMonths');

    const un = await frOfficer.post('/api/v1/notices', {
      kind: 'notice',
      type: 'un',
      data: {
        subject: subject('Z'),
        sanctions: { committee: '1267', unReference: 'QDi.1', measures: ['travel ban'] },
      },
    });
    expect(un.statusCode).toBe(400);
    expect(un.json().errors[0].field).toBe('type');

    const noRecipients = await frOfficer.post('/api/v1/notices', {
      kind: 'diffusion',
      type: 'blue',
      data: { subject: subject('W'), informationSought: 'Whereabouts' },
    });
    expect(noRecipients.statusCode).toBe(400);
    expect(noRecipients.json().errors[0].field).toBe('recipients');

    const blackPublic = await frOfficer.post('/api/v1/notices', {
      kind: 'notice',
      type: 'black',
      publicExtract: true,
      data: {
        body: {
          foundDate: '2026-10',
          foundPlace: 'Marseille harbour',
          foundCountry: 'FR',
          sex: 'unknown',
          description: 'Blue jacket',
        },
      },
    });
    expect(blackPublic.statusCode).toBe(400);
    expect(blackPublic.json().errors[0].field).toBe('publicExtract');
  });

  it('accepts every type with its own data', async () => {
    const bodies: Record<string, unknown>[] = [
      {
        type: 'yellow',
        data: {
          subject: subject('Missing'),
          event: { kind: 'missing', circumstances: 'Left school, never came home' },
        },
      },
      { type: 'blue', data: { subject: subject('Blue'), informationSought: 'Current address' } },
      {
        type: 'black',
        data: {
          body: {
            foundDate: '2026-10',
            foundPlace: 'Marseille',
            foundCountry: 'FR',
            sex: 'unknown',
            description: 'Blue jacket',
          },
        },
      },
      {
        type: 'green',
        data: {
          subject: subject('Green'),
          charges: [{ offence: 'Sexual abuse of a child', facts: 'Convicted 2019' }],
          riskAssessment: 'Travels to work with children',
        },
      },
      {
        type: 'orange',
        data: {
          threat: { kind: 'object', description: 'Parcel bombs disguised as books', imminence: 'imminent' },
        },
      },
      {
        type: 'purple',
        data: { modusOperandi: { description: 'Cocaine in hollowed fruit', offence: 'Drug trafficking' } },
      },
      {
        type: 'silver',
        data: {
          assets: {
            description: 'Villa and yacht',
            offence: 'Money laundering',
            estimatedValueMinor: 250000000,
            currency: 'EUR',
          },
        },
      },
    ];
    for (const b of bodies) {
      const n = await draft(frOfficer, { kind: 'notice', ...b });
      expect(n.status).toBe('draft');
    }
  });

  it('answers a retried creation from its Idempotency-Key, creating one notice', async () => {
    const body = {
      kind: 'notice',
      type: 'blue',
      data: { subject: subject('Retry'), informationSought: 'Address' },
    };
    const a = await frOfficer.post('/api/v1/notices', body, { 'idempotency-key': 'notice-retry-1' });
    const b = await frOfficer.post('/api/v1/notices', body, { 'idempotency-key': 'notice-retry-1' });
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
  });
});

describe('the workflow of a red notice', () => {
  it('goes from draft to publication, with review assistance and a request for information', async () => {
    let n = await draft(frOfficer, {
      kind: 'notice',
      type: 'red',
      data: redData('Benali', 'Desertion from the army'),
    });
    expect(n.editable).toBe(true);
    // Another bureau, and a drafting officer, cannot read or approve it.
    expect((await joOfficer.get(`/api/v1/notices/${n.id}`)).statusCode).toBe(404);
    const selfApprove = await frOfficer.post(
      `/api/v1/notices/${n.id}/steps`,
      { action: 'approve' },
      { 'if-match': `"${n.version}"` },
    );
    expect(selfApprove.statusCode).toBe(403);
    // A stale version is refused.
    const stale = await frSupervisor.post(
      `/api/v1/notices/${n.id}/steps`,
      { action: 'approve' },
      { 'if-match': '"99"' },
    );
    expect(stale.statusCode).toBe(412);

    n = await step(frSupervisor, n, 'approve');
    n = await step(frSupervisor, n, 'submit');
    expect(n.status).toBe('submitted');

    const queue = await reviewer.get('/api/v1/notices?scope=review');
    expect(queue.json().items.map((x: { id: string }) => x.id)).toContain(n.id);
    expect((await frOfficer.get('/api/v1/notices?scope=review')).statusCode).toBe(403);

    n = await step(reviewer, n, 'take');
    const review = await reviewer.get(`/api/v1/notices/${n.id}/review`);
    expect(review.statusCode, review.body).toBe(200);
    const flags = review.json().flags as { code: string; severity: string }[];
    expect(flags.map((f) => f.code)).toContain('neutrality.military');
    expect((await frSupervisor.get(`/api/v1/notices/${n.id}/review`)).statusCode).toBe(403);

    const noReason = await reviewer.post(
      `/api/v1/notices/${n.id}/steps`,
      { action: 'request_info' },
      { 'if-match': `"${n.version}"` },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    n = await step(
      reviewer,
      n,
      'request_info',
      'Desertion is a military offence: state the ordinary-law facts, if any',
    );
    expect(n.status).toBe('info_requested');

    // The bureau changes it and sends it again.
    const patched = await frOfficer.patch(
      `/api/v1/notices/${n.id}`,
      { data: redData('Benali') },
      { 'if-match': `"${n.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    n = patched.json() as NoticeDto;
    n = await step(frSupervisor, n, 'submit');
    n = await step(reviewer, n, 'take');
    n = await step(reviewer, n, 'publish');
    expect(n.status).toBe('published');
    expect(n.controlNumber).toMatch(/^\d{4}\/\d{5}$/);
    const year = Number(new Date().toISOString().slice(0, 4));
    expect(n.reviewDate?.slice(0, 4)).toBe(String(year + 5));
    expect(n.steps.map((s) => s.action)).toEqual([
      'create',
      'approve',
      'submit',
      'take',
      'request_info',
      'update',
      'submit',
      'take',
      'publish',
    ]);
    expect(n.steps[4]!.comment).toContain('military offence');

    // Every bureau is told, and reads it among notices in force.
    const told = await t.ctx.db
      .selectFrom('events')
      .select(['topic', 'access', 'payload'])
      .where('topic', '=', 'notices.published')
      .execute();
    const event = told.find((e) => JSON.parse(e.payload).noticeId === n.id);
    expect(JSON.parse(event!.access).restriction).toEqual({ mode: 'everyone' });
    expect(JSON.parse(event!.payload).controlNumber).toBe(n.controlNumber);
    expect((await joOfficer.get(`/api/v1/notices/${n.id}`)).statusCode).toBe(200);
    const inForce = await joOfficer.get('/api/v1/notices?scope=published&type=red');
    expect(inForce.json().items.map((x: { id: string }) => x.id)).toContain(n.id);

    // Audited.
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', n.id)
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['notice.create', 'notice.approve', 'notice.publish', 'notice.review_assist']),
    );
  });

  it('feeds border screening while published and stops when cancelled', async () => {
    let n = await publishedRed('Haddad');
    const atBorder = await travellers([personItem('Karim HADDAD'), documentItem('19FR55123')]);
    expect(atBorder.statusCode, atBorder.body).toBe(200);
    const [person, document] = hitsOf(atBorder);
    expect(person!.status).toBe('hit');
    expect(person!.hits!.some((h) => h.ownerBureau === 'FR' && h.database === 'nominal')).toBe(true);
    expect(document!.status).toBe('hit');
    expect(document!.hits!.some((h) => h.database === 'notice_documents')).toBe(true);

    const noReason = await frSupervisor.post(
      `/api/v1/notices/${n.id}/steps`,
      { action: 'cancel' },
      { 'if-match': `"${n.version}"` },
    );
    expect(noReason.statusCode).toBe(400);
    const records = await screenedRecords(n.id);
    expect(records).toHaveLength(2); // the person and the passport
    expect(names(hitsOf(atBorder), records)).toBe(true);
    n = await step(frSupervisor, n, 'cancel', 'Arrested in Lyon on 3 November');
    expect(n.status).toBe('cancelled');

    const after = hitsOf(await travellers([personItem('Karim HADDAD'), documentItem('19FR55123')]));
    expect(names(after, records)).toBe(false);
    // Gone from the other bureaus' view and from the public API.
    expect((await joOfficer.get(`/api/v1/notices/${n.id}`)).statusCode).toBe(404);
    const pub = await t.app.inject({ url: `/notices/v1/red/${n.controlNumber!.replace('/', '-')}` });
    expect(pub.statusCode).toBe(404);
  });

  it('shows a published public extract, and a refused notice never reaches the public or the borders', async () => {
    const shown = await publishedRed('Mansouri', { publicExtract: true });
    const pub = await t.app.inject({ url: `/notices/v1/red/${shown.controlNumber!.replace('/', '-')}` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({
      name: 'MANSOURI',
      forename: 'KARIM',
      entity_id: shown.controlNumber,
      sex_id: 'M',
    });

    // A second request for the same person (written in Arabic) is flagged to the reviewer.
    let again = await draft(frOfficer, {
      kind: 'notice',
      type: 'red',
      data: redData('Mansouri', 'Armed robbery', {
        subject: subject('منصوري', { forenames: 'كريم', identityDocuments: [] }),
      }),
    });
    again = await step(frSupervisor, again, 'approve');
    again = await step(frSupervisor, again, 'submit');
    const flags = (await reviewer.get(`/api/v1/notices/${again.id}/review`)).json().flags as {
      code: string;
      details?: Record<string, string | number>;
    }[];
    const duplicate = flags.find((f) => f.code === 'duplicate.person');
    expect(duplicate?.details?.controlNumber).toBe(shown.controlNumber);

    // Cancelled, it leaves the public API at once.
    const listed = await t.app.inject({ url: '/notices/v1/red?name=mansouri' });
    expect(listed.json().total).toBe(1);
    await step(frSupervisor, shown, 'cancel', 'Located and arrested');
    expect((await t.app.inject({ url: '/notices/v1/red?name=mansouri' })).json().total).toBe(0);
    const detail = await t.app.inject({ url: `/notices/v1/red/${shown.controlNumber!.replace('/', '-')}` });
    expect(detail.statusCode).toBe(404);
    expect(detail.headers['content-type']).toContain('application/problem+json');

    let refused = await draft(frOfficer, {
      kind: 'notice',
      type: 'red',
      publicExtract: true,
      data: redData('Zeroual', 'Insulting the head of state'),
    });
    refused = await step(frSupervisor, refused, 'approve');
    refused = await step(frSupervisor, refused, 'submit');
    refused = await step(reviewer, refused, 'take');
    refused = await step(reviewer, refused, 'refuse', 'Article 3: an offence of a political character');
    expect(refused.status).toBe('refused');
    expect(refused.controlNumber).toBeNull();
    const list = await t.app.inject({ url: '/notices/v1/red?name=zeroual' });
    expect(list.json().total).toBe(0);
    expect(await screenedRecords(refused.id)).toEqual([]);
    // The requesting bureau reads the refusal and its reason.
    const own = (await frOfficer.get(`/api/v1/notices/${refused.id}`)).json() as NoticeDto;
    expect(own.steps.at(-1)).toMatchObject({ action: 'refuse', toStatus: 'refused', actorBureau: 'XG' });
    expect(own.steps.at(-1)!.comment).toContain('political');
  });

  it('expires at its review date unless extended, and leaves the borders with it', async () => {
    let kept = await publishedRed('Extended');
    const gone = await publishedRed('Expiring');
    // As if published years ago: its screening records come up for review sooner.
    await t.ctx.db
      .updateTable('records')
      .set({ review_date: '2027-06-30' })
      .where('id', 'in', await screenedRecords(kept.id))
      .execute();
    kept = await step(frSupervisor, kept, 'extend', 'Still sought: warrant renewed');
    const year = Number(new Date().toISOString().slice(0, 4));
    expect(kept.reviewDate?.slice(0, 4)).toBe(String(year + 10));
    await t.ctx.db
      .updateTable('notices')
      .set({ review_date: '2000-01-01' })
      .where('id', '=', gone.id)
      .execute();
    expect(await expireDueNotices(t.ctx)).toBeGreaterThanOrEqual(1);
    const after = (await frOfficer.get(`/api/v1/notices/${gone.id}`)).json() as NoticeDto;
    expect(after.status).toBe('expired');
    expect((await frOfficer.get(`/api/v1/notices/${kept.id}`)).json().status).toBe('published');
    const records = await screenedRecords(gone.id);
    expect(records.length).toBeGreaterThan(0);
    expect(
      names(hitsOf(await travellers([personItem('Karim Expiring'), documentItem('19FR55123')])), records),
    ).toBe(false);
    // The extended one is still screened, its records reviewed no sooner than five years from now.
    const kept5 = await t.ctx.db
      .selectFrom('records')
      .select('review_date')
      .where('id', 'in', await screenedRecords(kept.id))
      .execute();
    expect(kept5.every((r) => r.review_date.slice(0, 4) === String(year + 5))).toBe(true);
    const keptRecords = await screenedRecords(kept.id);
    expect(names(hitsOf(await travellers([personItem('Karim Extended')])), keptRecords)).toBe(true);
  });

  it('prints in four languages', async () => {
    const n = await publishedRed('Printed');
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      const res = await joOfficer.get(`/api/v1/notices/${n.id}/pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await joOfficer.get(`/api/v1/notices/${n.id}/pdf?lang=de`)).statusCode).toBe(400);
  });
});

describe('photos', () => {
  it('sends an approved notice back to draft when a photo is added', async () => {
    let n = await draft(frOfficer, { kind: 'notice', type: 'red', data: redData('Photographed') });
    n = await step(frSupervisor, n, 'approve');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const added = await frOfficer.post(`/api/v1/notices/${n.id}/photos`, {
      contentBase64: png.toString('base64'),
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await frOfficer.get(`/api/v1/notices/${n.id}`)).json() as NoticeDto & {
      photos: unknown[];
    };
    expect(after.status).toBe('draft');
    expect(after.photos).toHaveLength(1);
    expect(after.steps.at(-1)).toMatchObject({ action: 'photo_add', toStatus: 'draft' });
    const notAnImage = await frOfficer.post(`/api/v1/notices/${n.id}/photos`, {
      contentBase64: Buffer.from('%PDF-1.4 x').toString('base64'),
    });
    expect(notAnImage.statusCode).toBe(400);
    expect(notAnImage.json().errors[0].field).toBe('contentBase64');
    expect((await joOfficer.get(`/api/v1/notices/${n.id}/photos/${added.json().id}`)).statusCode).toBe(404);
  });
});

describe('diffusions', () => {
  it('go straight to the chosen bureaus, and are withdrawn after a compliance check', async () => {
    const jordan = await officer(t.app, 'jo.supervisor');
    let d = await draft(joOfficer, {
      kind: 'diffusion',
      type: 'blue',
      recipients: ['FR'],
      data: {
        subject: subject('Nimri', { nationalities: ['JO'], identityDocuments: [] }),
        informationSought: 'Whereabouts in France',
      },
    });
    d = await step(jordan, d, 'approve');
    d = await step(jordan, d, 'submit');
    expect(d.status).toBe('published');
    expect(d.controlNumber).toMatch(/^\d{4}\/\d{5}$/);
    expect((await frOfficer.get(`/api/v1/notices/${d.id}`)).statusCode).toBe(200);
    expect((await brOfficer.get(`/api/v1/notices/${d.id}`)).statusCode).toBe(404);

    // Sent without prior review, it waits in the General Secretariat's queue for its compliance check.
    const queue = async () =>
      ((await reviewer.get('/api/v1/notices?scope=review')).json().items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await queue()).toContain(d.id);
    const seen = (await reviewer.get(`/api/v1/notices/${d.id}`)).json() as NoticeDto;
    expect(seen.actions).toEqual(expect.arrayContaining(['withdraw', 'confirm_compliance']));
    d = await step(reviewer, seen, 'withdraw', 'Not compliant: no criminal matter stated');
    expect(d.status).toBe('withdrawn');
    expect(await queue()).not.toContain(d.id);
    expect((await frOfficer.get(`/api/v1/notices/${d.id}`)).statusCode).toBe(404);
  });
});

describe('statistics', () => {
  it('counts by type, status and year for the General Secretariat only', async () => {
    const res = await reviewer.get('/api/v1/notices/stats');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; status: string; year: number; count: number }[];
    const year = Number(new Date().toISOString().slice(0, 4));
    const red = items.filter((i) => i.type === 'red' && i.year === year);
    expect(red.find((i) => i.status === 'refused')?.count).toBeGreaterThanOrEqual(1);
    expect(red.find((i) => i.status === 'published')?.count).toBeGreaterThanOrEqual(1);
    expect((await frOfficer.get('/api/v1/notices/stats')).statusCode).toBe(403);
  });
});
