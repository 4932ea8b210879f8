// The public notices API on the demo notices (src/modules/demo/demo.notices.ts), without signing
// in, in the shape of INTERPOL's public notices web service: HAL lists with total, the query
// echoed, `_links` for paging; filters; the detail of a red, yellow and UN notice; images; and
// nothing at all of a notice that is not a published public extract. Runs on SQLite and, with
// MERIDIAN_TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let reviewer: Client; // xg.reviewer: a second factor, so signed in once (a code is used once)

type Summary = {
  entity_id: string;
  name: string;
  forename: string | null;
  date_of_birth: string | null;
  nationalities: string[];
  _links: { self: { href: string }; images: { href: string }; thumbnail?: { href: string } };
};
type List = {
  total: number;
  query: Record<string, string | number>;
  _embedded: { notices: Summary[] };
  _links: Record<'self' | 'first' | 'last' | 'next' | 'previous', { href: string } | undefined>;
};

const get = (url: string) => t.app.inject({ method: 'GET', url });
async function list(url: string): Promise<List> {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/hal+json');
  return res.json() as List;
}
const names = (l: List) => l._embedded.notices.map((n) => n.name).sort();
/** The path of a link (its host is the request's). */
const pathOf = (href: string) => new URL(href).pathname + new URL(href).search;
const urlId = (entityId: string) => entityId.replace('/', '-');

beforeAll(async () => {
  // createTestApp seeds the demo organisation, whose seeding makes the demo notices.
  t = await createTestApp();
  reviewer = await officer(t.app, 'xg.reviewer');
});
afterAll(async () => t?.close());

describe('lists', () => {
  it('give the published red notices whose bureau agreed, in the HAL shape', async () => {
    const body = await list('/notices/v1/red');
    expect(body.total).toBe(5);
    expect(body.query).toEqual({ page: 1, resultPerPage: 20 });
    expect(names(body)).toEqual(['AL-QUDAH', 'AL-RAWABDEH', 'FERREIRA DA COSTA', 'LEMAIRE', 'OKONKWO']);
    for (const n of body._embedded.notices) {
      expect(n.entity_id).toMatch(/^\d{4}\/\d{5}$/);
      expect(pathOf(n._links.self.href)).toBe(`/notices/v1/red/${urlId(n.entity_id)}`);
      expect(pathOf(n._links.images.href)).toBe(`/notices/v1/red/${urlId(n.entity_id)}/images`);
    }
    const lemaire = body._embedded.notices.find((n) => n.name === 'LEMAIRE')!;
    expect(lemaire).toMatchObject({
      forename: 'THIERRY PAUL',
      date_of_birth: '1979/04/17',
      nationalities: ['FR'],
    });
    expect(lemaire._links.thumbnail?.href).toMatch(/\/images\/[0-9a-f-]{36}$/);
    expect(pathOf(body._links.self!.href)).toBe('/notices/v1/red?page=1&resultPerPage=20');
    expect(pathOf(body._links.first!.href)).toBe('/notices/v1/red?page=1&resultPerPage=20');
    expect(pathOf(body._links.last!.href)).toBe('/notices/v1/red?page=1&resultPerPage=20');
    expect(body._links.next).toBeUndefined();
  });

  it('leave out unpublished notices, diffusions, notices without consent and other types', async () => {
    const all = [
      ...names(await list('/notices/v1/red')),
      ...names(await list('/notices/v1/yellow')),
      ...names(await list('/notices/v1/un/persons')),
    ];
    // VASSEUR is waiting for review, BALOGUN a draft, AL-SHAMI a diffusion, WHITFIELD has no
    // consent to a public extract, MORI a blue notice.
    for (const hidden of ['VASSEUR', 'BALOGUN', 'AL-SHAMI', 'WHITFIELD', 'MORI'])
      expect(all).not.toContain(hidden);
    expect((await list('/notices/v1/yellow'))._embedded.notices.map((n) => n.name)).toEqual(['NASCIMENTO']);
    expect((await list('/notices/v1/un/persons'))._embedded.notices.map((n) => n.name)).toEqual([
      'AL-HARBAWI',
    ]);
  });

  it('page with resultPerPage, linking next, previous and last', async () => {
    const first = await list('/notices/v1/red?resultPerPage=1');
    expect(first.total).toBe(5);
    expect(first._embedded.notices).toHaveLength(1);
    expect(first.query).toEqual({ page: 1, resultPerPage: 1 });
    expect(pathOf(first._links.next!.href)).toBe('/notices/v1/red?page=2&resultPerPage=1');
    expect(pathOf(first._links.last!.href)).toBe('/notices/v1/red?page=5&resultPerPage=1');
    expect(first._links.previous).toBeUndefined();

    const second = await list(pathOf(first._links.next!.href));
    expect(second._embedded.notices[0]!.entity_id).not.toBe(first._embedded.notices[0]!.entity_id);
    expect(pathOf(second._links.previous!.href)).toBe('/notices/v1/red?page=1&resultPerPage=1');

    const last = await list('/notices/v1/red?resultPerPage=1&page=5');
    expect(last._links.next).toBeUndefined();
    const seen = new Set<string>();
    for (let page = 1; page <= 5; page++) {
      seen.add((await list(`/notices/v1/red?resultPerPage=1&page=${page}`))._embedded.notices[0]!.entity_id);
    }
    expect(seen.size).toBe(5);
    expect((await list('/notices/v1/red?page=6&resultPerPage=1'))._embedded.notices).toEqual([]);
  });

  it('filter by name, forename, nationality, sex, age and warrant country, echoing the query', async () => {
    const byName = await list('/notices/v1/red?name=lemaire');
    expect(names(byName)).toEqual(['LEMAIRE']);
    expect(byName.query).toEqual({ name: 'lemaire', page: 1, resultPerPage: 20 });
    // Part of a name, whatever the accents and case.
    expect(names(await list('/notices/v1/red?name=Ferr%C3%A9ira'))).toEqual(['FERREIRA DA COSTA']);
    expect(names(await list('/notices/v1/red?forename=huda'))).toEqual(['AL-RAWABDEH']);
    expect(names(await list('/notices/v1/red?nationality=JO'))).toEqual(['AL-QUDAH', 'AL-RAWABDEH']);
    expect(names(await list('/notices/v1/red?nationality=PT'))).toEqual(['FERREIRA DA COSTA']);
    expect(names(await list('/notices/v1/red?sexId=F'))).toEqual(['AL-RAWABDEH']);
    expect(names(await list('/notices/v1/red?arrestWarrantCountryId=NG'))).toEqual(['OKONKWO']);

    // Ages from the dates of birth (1972, 1979, 1983, 1986, 1991) on today's date.
    const age = (dob: string) => {
      const today = new Date().toISOString().slice(0, 10);
      const years = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
      return today.slice(5) >= dob.slice(5) ? years : years - 1;
    };
    const lemaire = age('1979-04-17');
    const exact = await list(`/notices/v1/red?ageMin=${lemaire}&ageMax=${lemaire}`);
    expect(names(exact)).toEqual(['LEMAIRE']);
    expect(exact.query).toMatchObject({ ageMin: lemaire, ageMax: lemaire });
    const older = await list(`/notices/v1/red?ageMin=${age('1979-04-17')}`);
    expect(names(older)).toEqual(['FERREIRA DA COSTA', 'LEMAIRE']);
    const younger = await list(`/notices/v1/red?ageMax=${age('1986-11-03')}`);
    expect(names(younger)).toEqual(['AL-QUDAH', 'AL-RAWABDEH']);
    expect(names(await list('/notices/v1/yellow?ageMax=17&sexId=F'))).toEqual(['NASCIMENTO']);

    const combined = await list('/notices/v1/red?nationality=JO&sexId=M&name=qudah');
    expect(names(combined)).toEqual(['AL-QUDAH']);
    expect(combined.total).toBe(1);
    expect(pathOf(combined._links.self!.href)).toContain('nationality=JO');
    const none = await list('/notices/v1/red?name=nobody');
    expect(none).toMatchObject({ total: 0, _embedded: { notices: [] } });
  });

  it('answer bad parameters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['resultPerPage=500', 'resultPerPage'],
      ['resultPerPage=0', 'resultPerPage'],
      ['ageMin=abc', 'ageMin'],
      ['ageMin=40&ageMax=30', 'ageMax'],
      ['page=0', 'page'],
      ['sexId=X', 'sexId'],
      ['nationality=france', 'nationality'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await get(`/notices/v1/red?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { errors?: { field: string }[]; detail: string };
      const fields = (body.errors ?? []).map((e) => e.field).join(' ');
      expect(`${fields} ${body.detail}`, query).toContain(field);
    }
  });
});

describe('a notice', () => {
  const find = async (path: string, name: string) =>
    (await list(`/notices/v1/${path}?name=${encodeURIComponent(name)}`))._embedded.notices[0]!;

  it('of a red notice gives the person and the arrest warrants', async () => {
    const s = await find('red', 'lemaire');
    const res = await get(`/notices/v1/red/${urlId(s.entity_id)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const n = res.json();
    expect(n).toMatchObject({
      entity_id: s.entity_id,
      name: 'LEMAIRE',
      forename: 'THIERRY PAUL',
      date_of_birth: '1979/04/17',
      sex_id: 'M',
      nationalities: ['FR'],
      country_of_birth_id: 'FR',
      place_of_birth: 'Marseille',
      height: 1.82,
      weight: 80,
      eyes_colors_id: ['brown'],
      hairs_id: ['black'],
      languages_spoken_ids: ['French', 'Italian'],
      distinguishing_marks: expect.stringContaining('anchor'),
    });
    expect(n.arrest_warrants).toEqual([
      { charge: 'Murder', issuing_country_id: 'FR', charge_translation: null },
      { charge: 'Armed robbery', issuing_country_id: 'FR', charge_translation: null },
    ]);
    expect(pathOf(n._links.self.href)).toBe(`/notices/v1/red/${urlId(s.entity_id)}`);
    expect(pathOf(n._links.images.href)).toBe(`/notices/v1/red/${urlId(s.entity_id)}/images`);
    expect(n._links.thumbnail.href).toMatch(/\/images\/[0-9a-f-]{36}$/);
    // What a public extract does not carry: identity documents, facts, the warrant's reference.
    expect(res.body).not.toContain('21FR84730');
    expect(res.body).not.toContain('jeweller');
    expect(res.body).not.toContain('MA-2023-0917');
  });

  it('of a red notice in Arabic script keeps the Latin name', async () => {
    const s = await find('red', 'qudah');
    const n = (await get(`/notices/v1/red/${urlId(s.entity_id)}`)).json();
    expect(n).toMatchObject({
      name: 'AL-QUDAH',
      forename: 'YOUSEF IBRAHIM',
      sex_id: 'M',
      nationalities: ['JO'],
    });
    expect(n.arrest_warrants).toEqual([
      { charge: 'Drug trafficking', issuing_country_id: 'JO', charge_translation: null },
    ]);
  });

  it('of a yellow notice gives the date and place of disappearance', async () => {
    const s = await find('yellow', 'nascimento');
    const n = (await get(`/notices/v1/yellow/${urlId(s.entity_id)}`)).json();
    expect(n).toMatchObject({
      name: 'NASCIMENTO',
      forename: 'LARISSA',
      sex_id: 'F',
      date_of_birth: '2011/03/14',
      date_of_event: '2025/10/21',
      place: 'Foz do Iguaçu',
      country: 'BR',
    });
    expect(n.arrest_warrants).toBeUndefined();
  });

  it('of a UN notice gives the UN reference, committee and measures', async () => {
    const s = await find('un/persons', 'harbawi');
    const n = (await get(`/notices/v1/un/persons/${urlId(s.entity_id)}`)).json();
    expect(n).toMatchObject({
      name: 'AL-HARBAWI',
      date_of_birth: '1968',
      un_reference: 'QDi.990',
      un_committee: expect.stringContaining('1267'),
      un_measures: ['Asset freeze', 'Travel ban', 'Arms embargo'],
      un_listed_on: '2019/07/15',
    });
  });

  it('gives its images and their bytes', async () => {
    const s = await find('red', 'lemaire');
    const res = await get(`/notices/v1/red/${urlId(s.entity_id)}/images`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      _embedded: { images: { picture_id: string; _links: { self: { href: string } } }[] };
      _links: { self: { href: string }; notice: { href: string }; thumbnail?: { href: string } };
    };
    expect(body._embedded.images).toHaveLength(1);
    const image = body._embedded.images[0]!;
    expect(pathOf(body._links.notice.href)).toBe(`/notices/v1/red/${urlId(s.entity_id)}`);
    expect(body._links.thumbnail?.href).toBe(image._links.self.href);
    const bytes = await get(pathOf(image._links.self.href));
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.rawPayload.length).toBeGreaterThan(100);

    // Without photos: an empty list; an image id of another notice is not found.
    const other = await find('red', 'okonkwo');
    const none = (await get(`/notices/v1/red/${urlId(other.entity_id)}/images`)).json();
    expect(none._embedded.images).toEqual([]);
    expect(
      (await get(`/notices/v1/red/${urlId(other.entity_id)}/images/${image.picture_id}`)).statusCode,
    ).toBe(404);
  });

  it('is not found when unknown, of another type, or not a public extract', async () => {
    const red = await find('red', 'lemaire');
    // The demo's other notices, as the General Secretariat sees them.
    const all = (await reviewer.get('/api/v1/notices?scope=all&limit=100')).json().items as {
      title: string;
      controlNumber: string | null;
      status: string;
    }[];
    const numberOf = (title: string) => all.find((n) => n.title.startsWith(title))?.controlNumber;
    const hidden = {
      blue: numberOf('MORI'),
      noConsent: numberOf('WHITFIELD'),
      diffusion: numberOf('AL-SHAMI'),
    };
    for (const n of Object.values(hidden)) expect(n).toMatch(/^\d{4}\/\d{5}$/);
    const cases = [
      '/notices/v1/red/1999-99999',
      `/notices/v1/yellow/${urlId(red.entity_id)}`,
      `/notices/v1/un/persons/${urlId(red.entity_id)}/images`,
      `/notices/v1/red/${urlId(hidden.noConsent!)}`,
      `/notices/v1/red/${urlId(hidden.diffusion!)}`,
      `/notices/v1/red/${urlId(hidden.blue!)}`,
      `/notices/v1/red/${urlId(hidden.noConsent!)}/images`,
    ];
    for (const url of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
    // Not "YYYY-NNNNN": a 400 naming the parameter.
    const bad = await get('/notices/v1/red/2026%2F00001');
    expect(bad.statusCode).toBe(400);
  });
});

describe('the demo notices', () => {
  it('were made by real demo users: an officer drafted, another supervisor approved, XG published', async () => {
    const fr = await officer(t.app, 'fr.officer');
    const mine = (await fr.get('/api/v1/notices?scope=bureau&limit=50')).json().items as {
      id: string;
      title: string;
    }[];
    const lemaire = mine.find((n) => n.title.startsWith('LEMAIRE'))!;
    const n = (await fr.get(`/api/v1/notices/${lemaire.id}`)).json() as {
      status: string;
      steps: { action: string; actor: string; actorBureau: string }[];
      photos: { mediaType: string }[];
    };
    expect(n.status).toBe('published');
    expect(n.steps.map((s) => `${s.action}:${s.actor}`)).toEqual([
      'create:fr.officer',
      'photo_add:fr.officer',
      'approve:fr.supervisor',
      'submit:fr.supervisor',
      'take:xg.reviewer',
      'publish:xg.reviewer',
    ]);
    expect(n.photos.map((p) => p.mediaType)).toEqual(['image/png']);
  });

  it('leave a red notice waiting in the review queue and a draft with its bureau', async () => {
    const queue = (await reviewer.get('/api/v1/notices?scope=review')).json().items as {
      title: string;
      status: string;
    }[];
    expect(queue.map((n) => `${n.title.split(',')[0]}:${n.status}`)).toContain('VASSEUR:submitted');
    const ng = await officer(t.app, 'ng.officer');
    const own = (await ng.get('/api/v1/notices?scope=bureau')).json().items as {
      title: string;
      status: string;
    }[];
    expect(own.find((n) => n.title.startsWith('BALOGUN'))?.status).toBe('draft');
  });

  it('send the Jordanian diffusion to France and Brazil only', async () => {
    const inbox = async (user: string) =>
      (
        (await (await officer(t.app, user)).get('/api/v1/notices?scope=published&limit=50')).json().items as {
          title: string;
        }[]
      ).map((n) => n.title.split(',')[0]);
    expect(await inbox('fr.officer')).toContain('AL-SHAMI');
    expect(await inbox('br.officer')).toContain('AL-SHAMI');
    expect(await inbox('ng.officer')).not.toContain('AL-SHAMI');
  });
});
