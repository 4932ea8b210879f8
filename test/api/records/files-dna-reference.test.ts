// Files of a record, DNA profile search, and the General Secretariat's firearms reference table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, create, envelope, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
});
afterAll(async () => t?.close());

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const purpose = 'Comparison requested by the investigating judge';

describe('files of a record', () => {
  it('are added by the owner, recognised by their bytes, and read through the access policy', async () => {
    const open = await create(fr, 'facial_images', {
      ...envelope('FR-IMG-1', { legalBasis: 'Code of criminal procedure, art. 55-1' }),
      data: { imageReference: 'IMG-1', source: 'custody_photo' },
    });
    const hidden = await create(fr, 'facial_images', {
      ...envelope('FR-IMG-2', {
        legalBasis: 'Code of criminal procedure, art. 55-1',
        restriction: { mode: 'only', bureaus: ['BR'] },
        handling: 'restricted',
      }),
      data: { imageReference: 'IMG-2', source: 'cctv' },
    });
    const added = await fr.post(`/api/v1/records/${open.id}/attachments`, {
      name: 'face.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ mediaType: 'image/png', size: PNG.length });
    const notAnImage = await fr.post(`/api/v1/records/${open.id}/attachments`, {
      name: 'x.png',
      contentBase64: Buffer.from('<script>').toString('base64'),
    });
    expect(notAnImage.statusCode).toBe(400);
    expect(notAnImage.json().errors[0].field).toBe('contentBase64');
    expect(
      (
        await jo.post(`/api/v1/records/${open.id}/attachments`, {
          name: 'j.png',
          contentBase64: PNG.toString('base64'),
        })
      ).statusCode,
    ).toBe(403);

    const list = await jo.get(`/api/v1/records/${open.id}/attachments`);
    const file = list.json().items[0];
    const download = await jo.get(`/api/v1/records/${open.id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(PNG)).toBe(true);

    await fr.post(`/api/v1/records/${hidden.id}/attachments`, {
      name: 'cctv.png',
      contentBase64: PNG.toString('base64'),
    });
    expect((await jo.get(`/api/v1/records/${hidden.id}/attachments`)).statusCode).toBe(404);
  });
});

describe('DNA search', () => {
  const loci = {
    D3S1358: ['15', '17'],
    vWA: ['16', '18'],
    FGA: ['21', '24'],
    TH01: ['6', '9.3'],
    D8S1179: ['13', '14'],
    D21S11: ['29', '30'],
    D18S51: ['14', '16'],
    D5S818: ['11', '12'],
  };

  it('reports full and partial matches with the loci that match and those that do not', async () => {
    const stain = await create(fr, 'dna', {
      ...envelope('FR-DNA-1', { legalBasis: 'Code of criminal procedure, art. 706-54' }),
      data: { laboratoryReference: 'LAB-1', sampleType: 'crime_scene_stain', loci },
    });
    const full = (await jo.post('/api/v1/search/dna', { loci, purpose })).json().items;
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ match: 'full', record: { id: stain.id }, detail: { mismatching: [] } });
    expect(full[0].hitId).toBeTruthy();
    const partial = (
      await jo.post('/api/v1/search/dna', { loci: { ...loci, FGA: ['22', '24'] }, purpose })
    ).json().items;
    expect(partial[0]).toMatchObject({ match: 'partial', detail: { mismatching: ['FGA'] } });
    const tooFew = await jo.post('/api/v1/search/dna', { loci: { vWA: ['16', '18'] }, purpose });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().errors[0].field).toBe('loci');
  });
});

describe('the firearms reference table', () => {
  it('is kept by the General Secretariat and read by every bureau', async () => {
    const body = {
      ...envelope('XG-REF-1'),
      data: {
        referenceCode: 'GLK-17',
        make: 'Glock',
        model: '17',
        type: 'pistol',
        markings: ['GLOCK AUSTRIA'],
      },
    };
    expect((await fr.post('/api/v1/databases/firearms_reference/records', body)).statusCode).toBe(403);
    const xg = await officer(t.app, 'xg.officer');
    const rec = await create(xg, 'firearms_reference', body);
    expect(rec.ownerBureau).toBe('XG');
    const found = (
      await jo.post('/api/v1/search/identifiers', { value: 'glk-17', kind: 'reference_code', purpose })
    ).json().items;
    expect(found[0]).toMatchObject({ access: 'see', record: { id: rec.id } });
  });

  it('lets General Secretariat reviewers see restricted records of every bureau', async () => {
    const rec = await create(fr, 'firearms', {
      ...envelope('FR-FA-R', { restriction: { mode: 'only', bureaus: ['FR'] }, handling: 'restricted' }),
      data: { make: 'Glock', serialNumber: 'SECRET1', type: 'pistol', status: 'stolen' },
    });
    expect((await jo.get(`/api/v1/records/${rec.id}`)).statusCode).toBe(404);
    const reviewer = await officer(t.app, 'xg.reviewer');
    expect((await reviewer.get(`/api/v1/records/${rec.id}`)).json().access).toBe('see');
  });
});
