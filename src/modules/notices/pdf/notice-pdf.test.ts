// The printable notice renders in the four languages, with a photo, and with Arabic shaped and in
// right-to-left order. A PDF's text is glyph ids, so the tests check what does not depend on the
// glyphs: the file's structure, its fonts, its page count, its language, its images. Set
// NOTICE_PDF_OUT to a folder to keep the files and look at them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../notice.types.js';
import { isolate, layoutText } from './bidi-text.js';
import { fontFor, registerFonts } from './fonts.js';
import { label } from './labels.js';
import { type NoticePdfInput, renderNoticePdf } from './notice-pdf.js';
import { noticeSections } from './notice-sections.js';

const COUNTRIES: Record<string, Record<string, string>> = {
  en: { FR: 'France', RU: 'Russia', DZ: 'Algeria', ES: 'Spain' },
  fr: { FR: 'France', RU: 'Russie', DZ: 'Algérie', ES: 'Espagne' },
  es: { FR: 'Francia', RU: 'Rusia', DZ: 'Argelia', ES: 'España' },
  ar: { FR: 'فرنسا', RU: 'روسيا', DZ: 'الجزائر', ES: 'إسبانيا' },
};

function notice(overrides: Partial<Notice>): Notice {
  return {
    id: 'n1',
    controlNumber: '2025/00042',
    kind: 'notice',
    type: 'red',
    status: 'published',
    requestingBureau: 'FR',
    requestingUnit: null,
    title: 'BELKACEM Karim — بلقاسم كريم',
    data: {},
    recipients: [],
    publicExtract: false,
    handling: 'official',
    language: 'fr',
    createdAt: '2025-01-02T10:00:00Z',
    createdBy: 'u1',
    updatedAt: '2025-01-10T10:00:00Z',
    submittedAt: '2025-01-03T10:00:00Z',
    publishedAt: '2025-01-10T10:00:00Z',
    reviewDate: '2030-01-10',
    reviewer: 'u2',
    version: 3,
    ...overrides,
  };
}

const redNotice = notice({
  data: {
    subject: {
      familyName: 'BELKACEM',
      forenames: 'Karim',
      nameOriginalScript: 'بلقاسم كريم',
      aliases: ['Карим Белкасем', 'K. Belka'],
      sex: 'male',
      dateOfBirth: '1984-03-12',
      placeOfBirth: 'Oran',
      countryOfBirth: 'DZ',
      nationalities: ['DZ', 'FR'],
      heightCm: 178,
      weightKg: 80,
      eyeColour: 'brown',
      hairColour: 'black',
      distinguishingMarks: 'Scar above the left eyebrow (3 cm).',
      languages: ['Arabic', 'French'],
      fingerprintsAvailable: 'yes',
      identityDocuments: [{ type: 'passport', number: '19AB12345', issuingCountry: 'FR' }],
    },
    warrant: {
      basis: 'prosecution',
      reference: 'TJ-Paris 2024/118',
      date: '2024-11-20',
      issuingAuthority: 'Tribunal judiciaire de Paris',
      issuingCountry: 'FR',
      maximumPenaltyMonths: 240,
    },
    charges: [
      {
        offence: 'Armed robbery',
        facts:
          'On 4 May 2024 the person and two others robbed a jewellery shop in Lyon, armed with handguns.',
        placeOfOffence: 'Lyon',
        countryOfOffence: 'FR',
        dateOfOffence: '2024-05-04',
      },
      {
        offence: 'Участие в организованной преступной группе',
        facts: 'Член группы, действовавшей во Франции и Испании (2022–2024).',
        countryOfOffence: 'ES',
      },
    ],
    summary: 'Wanted for armed robbery. يُعتقد أنه مسلح وخطير.',
    actionRequested: 'Locate and provisionally arrest; inform the NCB of Paris immediately.',
  },
});

const yellowNotice = notice({
  type: 'yellow',
  status: 'under_review',
  controlNumber: null,
  publishedAt: null,
  reviewDate: null,
  title: 'IVANOVA Maria — Мария Иванова',
  data: {
    subject: {
      familyName: 'IVANOVA',
      forenames: 'Maria',
      nameOriginalScript: 'Мария Иванова',
      sex: 'female',
    },
    event: {
      kind: 'missing',
      date: '2025-02',
      place: 'Marseille',
      country: 'FR',
      circumstances: 'Left school on foot and did not come home.',
    },
  },
});

/** A w×h RGB PNG of one colour, built by hand (no image library in the project). */
function tinyPng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB
  const rows = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set(rgb, y * (1 + 3 * w) + 1 + 3 * x);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function input(
  n: Notice,
  language: NoticePdfInput['language'],
  extra: Partial<NoticePdfInput> = {},
): NoticePdfInput {
  return {
    notice: n,
    language,
    requestingBureauName: COUNTRIES[language]!.FR!,
    countryName: (code) => COUNTRIES[language]![code] ?? code,
    printedAt: '2025-03-01T08:15:00Z',
    ...extra,
  };
}

async function render(name: string, i: NoticePdfInput): Promise<string> {
  const pdf = await renderNoticePdf(i);
  const out = process.env.NOTICE_PDF_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.pdf`), pdf);
  }
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
  return pdf.toString('latin1');
}

const pageCount = (pdf: string) => pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
const fonts = (pdf: string) => [...pdf.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);

describe('renderNoticePdf', () => {
  for (const language of ['en', 'fr', 'es', 'ar'] as const) {
    it(`renders a red notice in ${language}`, async () => {
      const pdf = await render(`red-${language}`, input(redNotice, language));
      expect(pdf).toContain(`/Lang (${language})`);
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(pageCount(pdf)).toBeLessThanOrEqual(2);
      // Latin and Cyrillic from Noto Sans, the Arabic name (and Arabic labels) from Noto Sans Arabic.
      expect(fonts(pdf)).toContain('NotoSans-Regular');
      expect(fonts(pdf)).toContain('NotoSans-Bold');
      expect(fonts(pdf)).toContain('NotoSansArabic-Regular');
      expect(fonts(pdf)).toContain('NotoSansArabic-Bold'); // the notice's title has the Arabic name
      expect(pdf).not.toContain('/Subtype /Image');
    });
  }

  it('renders a yellow notice with its photo', async () => {
    const photo = { bytes: tinyPng(24, 32, [120, 140, 160]), mediaType: 'image/png' as const };
    const pdf = await render('yellow-en-photo', input(yellowNotice, 'en', { photo }));
    expect(pdf).toContain('/Subtype /Image');
    expect(pdf).toContain('/Width 24');
    expect(pdf).toContain('/Height 32');
    expect(pageCount(pdf)).toBe(1);
  });

  it('runs onto more pages when the facts are long', async () => {
    const facts = Array.from({ length: 60 }, (_, i) => `Fact ${i + 1}: the person was seen in Lyon.`).join(
      '\n',
    );
    const long = { ...redNotice, data: { ...redNotice.data, summary: facts } };
    expect(pageCount(await render('red-long', input(long, 'fr')))).toBeGreaterThanOrEqual(2);
  });

  const subject = redNotice.data.subject;
  const typeData: Record<string, Notice['data']> = {
    blue: { subject, informationSought: 'Current address and associates.' },
    black: {
      body: {
        foundDate: '2025-01',
        foundPlace: 'Almería',
        foundCountry: 'ES',
        sex: 'male',
        estimatedAgeMin: 30,
        estimatedAgeMax: 40,
        description: 'Blue jacket.',
      },
    },
    green: { subject, charges: redNotice.data.charges, riskAssessment: 'Repeated offences since 2019.' },
    orange: { threat: { kind: 'object', description: 'Parcel bombs sent by post.', imminence: 'imminent' } },
    purple: {
      modusOperandi: { offence: 'Fraud', description: 'Fake invoices.', countriesConcerned: ['FR', 'ES'] },
    },
    silver: {
      assets: {
        description: 'Villa in Marbella',
        offence: 'Money laundering',
        estimatedValueMinor: 125000000,
        currency: 'EUR',
      },
    },
    un: {
      subject,
      sanctions: { committee: '1267', unReference: 'QDi.123', measures: ['asset freeze', 'travel ban'] },
    },
  };
  for (const [type, data] of Object.entries(typeData)) {
    it(`renders a ${type} draft notice in Arabic and diffusion in Spanish`, async () => {
      for (const language of ['es', 'ar'] as const) {
        const kind = language === 'ar' ? 'notice' : 'diffusion';
        const n = notice({ type: type as Notice['type'], kind, status: 'draft', data });
        expect(pageCount(await render(`${type}-${language}`, input(n, language)))).toBeLessThanOrEqual(2);
      }
    });
  }
});

describe('notice sections', () => {
  it('prints the type-specific part with labels and countries in the language', () => {
    const sections = noticeSections(
      redNotice,
      { lang: 'ar', countryName: (c) => COUNTRIES.ar![c] ?? c },
      'فرنسا',
    );
    const titles = sections.map((s) => s.title);
    expect(titles).toEqual([
      label('ar', 'identity'),
      label('ar', 'warrant'),
      label('ar', 'charges'),
      label('ar', 'summary'),
      label('ar', 'actionRequested'),
      label('ar', 'request'),
    ]);
    const rows = sections.flatMap((s) => s.rows);
    expect(rows).toContainEqual({
      label: label('ar', 'nationalities'),
      value: `${isolate('الجزائر')}، ${isolate('فرنسا')}`,
      composed: true,
    });
    expect(rows).toContainEqual({ label: label('ar', 'familyName'), value: 'BELKACEM' });
  });
});

describe('bidi layout', () => {
  const doc = new PDFDocument({ size: 'A4' });
  registerFonts(doc);
  const visual = (text: string, base: 'ltr' | 'rtl' | 'auto' = 'auto') =>
    layoutText(doc, text, { size: 10 }, 1000, base).map((line) =>
      line.atoms.filter((a) => !a.space).map((a) => a.text),
    );

  it('puts Arabic words right to left and keeps numbers and Latin names left to right', () => {
    expect(visual('نشرة حمراء')).toEqual([['حمراء', 'نشرة']]);
    expect(visual('رقم 2025/00042 BELKACEM Karim', 'rtl')).toEqual([
      ['BELKACEM', 'Karim', '2025/00042', 'رقم'],
    ]);
    expect(visual('Red Notice نشرة حمراء')).toEqual([['Red', 'Notice', 'حمراء', 'نشرة']]);
    // A date after an Arabic word keeps its order only when isolated.
    expect(visual(`طبع في ${isolate('2025-03-01 08:15 UTC')}`, 'rtl')).toEqual([
      ['2025-03-01', '08:15', 'UTC', 'في', 'طبع'],
    ]);
  });

  it('draws each script with a font that has it', () => {
    expect(fontFor('K'.codePointAt(0)!, 400)).toBe('sans-latin-400');
    expect(fontFor('Ж'.codePointAt(0)!, 700)).toBe('sans-cyrillic-700');
    expect(fontFor('ب'.codePointAt(0)!, 400)).toBe('arabic-400');
  });

  it('wraps at spaces within the width', () => {
    const lines = layoutText(doc, 'word '.repeat(100).trim(), { size: 10 }, 200, 'ltr');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
  });
});
