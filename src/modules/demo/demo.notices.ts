// Demo notices, made the way a bureau makes them: an officer drafts, another supervisor of the
// bureau approves (four eyes), the supervisor submits, and a General Secretariat reviewer takes
// and publishes — all through the notices service, so each step names a real demo user and is
// audited, and what is published is screened at borders. Deterministic: the same notices, in the
// same order, every time (their control numbers follow the year of seeding).
//
//   published red notices with a public extract: FR (with a photo and identity documents), JO
//     (two, names in Arabic script), BR, NG;
//   a published red notice whose requesting bureau (US) did not agree to a public extract;
//   a published yellow notice (a missing child, BR) with a public extract;
//   a published UN special notice (XG);
//   a published blue notice (JP; blue notices have no public extract);
//   a red diffusion from JO to FR and BR;
//   a red notice submitted by FR and waiting in the review queue; a draft of NG.
import { deflateSync } from 'node:zlib';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { NoticeAction } from '../notices/notice.workflow.js';
import { addPhoto } from '../notices/notices.files.js';
import { createNotice, type NoticeInput } from '../notices/notices.service.js';
import { takeStep } from '../notices/notices.steps.js';
import { findNotice } from '../notices/notices.store.js';
import { demoPrincipal } from './demo.principals.js';

/** How far a demo notice goes through the workflow. */
type Stage = 'draft' | 'submitted' | 'published';

export interface DemoNotice {
  /** The bureau's code in lower case: `<cc>.officer` drafts, `<cc>.supervisor` approves. */
  bureau: string;
  stage: Stage;
  input: NoticeInput;
  photo?: boolean;
}

const redWarrant = (
  basis: 'prosecution' | 'sentence',
  reference: string,
  date: string,
  issuingAuthority: string,
  issuingCountry: string,
  months: number,
) => ({
  basis,
  reference,
  date,
  issuingAuthority,
  issuingCountry,
  ...(basis === 'prosecution' ? { maximumPenaltyMonths: months } : { sentenceImposedMonths: months }),
});

const red = (data: Record<string, unknown>, publicExtract = true): NoticeInput => ({
  kind: 'notice',
  type: 'red',
  publicExtract,
  data,
});

export const DEMO_NOTICES: DemoNotice[] = [
  {
    bureau: 'fr',
    stage: 'published',
    photo: true,
    input: red({
      subject: {
        familyName: 'Lemaire',
        forenames: 'Thierry Paul',
        aliases: ['Thierry Lemercier'],
        sex: 'male',
        dateOfBirth: '1979-04-17',
        placeOfBirth: 'Marseille',
        countryOfBirth: 'FR',
        nationalities: ['FR'],
        heightCm: 182,
        weightKg: 80,
        eyeColour: 'brown',
        hairColour: 'black',
        distinguishingMarks: 'Scar on the left forearm; tattoo of an anchor on the right wrist',
        languages: ['French', 'Italian'],
        fingerprintsAvailable: 'yes',
        identityDocuments: [
          { type: 'passport', number: '21FR84730', issuingCountry: 'FR' },
          { type: 'identity_card', number: 'X4RT7P2Q9', issuingCountry: 'FR' },
        ],
      },
      warrant: redWarrant(
        'prosecution',
        'MA-2023-0917',
        '2023-11-06',
        'Tribunal judiciaire de Marseille',
        'FR',
        360,
      ),
      charges: [
        {
          offence: 'Murder',
          facts: 'Shot a jeweller dead during a robbery of his shop in Marseille on 2 September 2023.',
          placeOfOffence: 'Marseille',
          countryOfOffence: 'FR',
          dateOfOffence: '2023-09-02',
        },
        {
          offence: 'Armed robbery',
          facts:
            'With two accomplices, robbed the same shop at gunpoint of jewellery worth 1.2 million euros.',
          placeOfOffence: 'Marseille',
          countryOfOffence: 'FR',
          dateOfOffence: '2023-09-02',
        },
      ],
      summary: 'Believed to have left France through Italy after the robbery.',
      actionRequested: 'Locate and provisionally arrest with a view to extradition to France.',
    }),
  },
  {
    bureau: 'jo',
    stage: 'published',
    input: red({
      subject: {
        familyName: 'Al-Qudah',
        forenames: 'Yousef Ibrahim',
        nameOriginalScript: 'يوسف إبراهيم القضاة',
        sex: 'male',
        dateOfBirth: '1986-11-03',
        placeOfBirth: 'Irbid',
        countryOfBirth: 'JO',
        nationalities: ['JO'],
        heightCm: 175,
        eyeColour: 'brown',
        hairColour: 'black',
        languages: ['Arabic', 'English'],
      },
      warrant: redWarrant('sentence', 'AMM-CR-2021-4471', '2022-03-15', 'Amman Criminal Court', 'JO', 120),
      charges: [
        {
          offence: 'Drug trafficking',
          facts:
            'Organised the smuggling of 400 kg of amphetamine tablets across the northern border in 2020.',
          placeOfOffence: 'Ramtha',
          countryOfOffence: 'JO',
          dateOfOffence: '2020-06',
        },
      ],
    }),
  },
  {
    bureau: 'jo',
    stage: 'published',
    input: red({
      subject: {
        familyName: 'Al-Rawabdeh',
        forenames: 'Huda Salem',
        nameOriginalScript: 'هدى سالم الروابدة',
        sex: 'female',
        dateOfBirth: '1991-02-20',
        placeOfBirth: 'Zarqa',
        countryOfBirth: 'JO',
        nationalities: ['JO', 'AE'],
        languages: ['Arabic'],
      },
      warrant: redWarrant(
        'prosecution',
        'AMM-FR-2024-0188',
        '2024-05-02',
        'Amman Magistrate Court',
        'JO',
        84,
      ),
      charges: [
        {
          offence: 'Fraud',
          facts: 'Collected deposits from 230 investors for a housing project that did not exist.',
          placeOfOffence: 'Amman',
          countryOfOffence: 'JO',
          dateOfOffence: '2023',
        },
        {
          offence: 'Money laundering',
          facts: 'Moved the proceeds through companies registered abroad.',
          countryOfOffence: 'JO',
        },
      ],
    }),
  },
  {
    bureau: 'br',
    stage: 'published',
    input: red({
      subject: {
        familyName: 'Ferreira da Costa',
        forenames: 'Marcelo Augusto',
        sex: 'male',
        dateOfBirth: '1972-08-09',
        placeOfBirth: 'Belém',
        countryOfBirth: 'BR',
        nationalities: ['BR', 'PT'],
        heightCm: 170,
        weightKg: 92,
        eyeColour: 'green',
        hairColour: 'grey',
        languages: ['Portuguese', 'Spanish'],
      },
      warrant: redWarrant(
        'prosecution',
        '0004512-88.2024.8.14.0301',
        '2024-02-19',
        '3ª Vara Criminal de Belém',
        'BR',
        240,
      ),
      charges: [
        {
          offence: 'Trafficking in persons',
          facts: 'Recruited young women with false job offers and sent them to work against their will.',
          placeOfOffence: 'Belém',
          countryOfOffence: 'BR',
          dateOfOffence: '2022',
        },
      ],
    }),
  },
  {
    bureau: 'ng',
    stage: 'published',
    input: red({
      subject: {
        familyName: 'Okonkwo',
        forenames: 'Emeka Daniel',
        sex: 'male',
        dateOfBirth: '1983-05-30',
        placeOfBirth: 'Enugu',
        countryOfBirth: 'NG',
        nationalities: ['NG'],
        heightCm: 185,
        languages: ['English', 'Igbo'],
      },
      warrant: redWarrant(
        'prosecution',
        'FHC/L/CS/2024/112',
        '2024-09-10',
        'Federal High Court, Lagos',
        'NG',
        180,
      ),
      charges: [
        {
          offence: 'Fraud (business email compromise)',
          facts: 'Diverted supplier payments of several companies to accounts he controlled.',
          countryOfOffence: 'NG',
          dateOfOffence: '2023',
        },
        {
          offence: 'Money laundering',
          facts: 'Laundered the proceeds through exchange bureaus.',
          countryOfOffence: 'NG',
        },
      ],
    }),
  },
  {
    // Published, but the requesting bureau did not agree to a public extract.
    bureau: 'us',
    stage: 'published',
    input: red(
      {
        subject: {
          familyName: 'Whitfield',
          forenames: 'Gary Lee',
          sex: 'male',
          dateOfBirth: '1977-01-12',
          nationalities: ['US'],
        },
        warrant: redWarrant(
          'prosecution',
          '1:24-cr-00317',
          '2024-07-01',
          'U.S. District Court, District of Columbia',
          'US',
          240,
        ),
        charges: [
          {
            offence: 'Wire fraud',
            facts: 'Defrauded investors of a cryptocurrency fund.',
            countryOfOffence: 'US',
          },
        ],
      },
      false,
    ),
  },
  {
    bureau: 'br',
    stage: 'published',
    input: {
      kind: 'notice',
      type: 'yellow',
      publicExtract: true,
      data: {
        subject: {
          familyName: 'Nascimento',
          forenames: 'Larissa',
          sex: 'female',
          dateOfBirth: '2011-03-14',
          placeOfBirth: 'Foz do Iguaçu',
          countryOfBirth: 'BR',
          nationalities: ['BR'],
          heightCm: 148,
          eyeColour: 'brown',
          hairColour: 'brown',
          distinguishingMarks: 'Small birthmark on the right cheek',
          languages: ['Portuguese'],
        },
        event: {
          kind: 'missing',
          date: '2025-10-21',
          place: 'Foz do Iguaçu',
          country: 'BR',
          circumstances:
            'Left school at noon and was not seen again; may have crossed the border into Paraguay or Argentina.',
        },
      },
    },
  },
  {
    bureau: 'xg',
    stage: 'published',
    input: {
      kind: 'notice',
      type: 'un',
      publicExtract: true,
      data: {
        subject: {
          familyName: 'Al-Harbawi',
          forenames: 'Tariq Suleiman',
          nameOriginalScript: 'طارق سليمان الحرباوي',
          aliases: ['Abu Suleiman'],
          sex: 'male',
          dateOfBirth: '1968',
          placeOfBirth: 'Mosul',
          countryOfBirth: 'IQ',
          nationalities: ['IQ'],
        },
        sanctions: {
          committee:
            'Security Council Committee pursuant to resolutions 1267 (1999), 1989 (2011) and 2253 (2015)',
          unReference: 'QDi.990',
          measures: ['Asset freeze', 'Travel ban', 'Arms embargo'],
          listedOn: '2019-07-15',
          narrative: 'Financier of a listed terrorist group (fictional entry for demonstration).',
        },
      },
    },
  },
  {
    bureau: 'jp',
    stage: 'published',
    input: {
      kind: 'notice',
      type: 'blue',
      data: {
        subject: {
          familyName: 'Mori',
          forenames: 'Daisuke',
          nameOriginalScript: '森 大輔',
          sex: 'male',
          dateOfBirth: '1990-09-09',
          nationalities: ['JP'],
        },
        informationSought:
          'Whereabouts and activities: suspected of running investment-fraud call centres abroad.',
      },
    },
  },
  {
    bureau: 'jo',
    stage: 'published',
    input: {
      kind: 'diffusion',
      type: 'red',
      recipients: ['FR', 'BR'],
      data: {
        subject: {
          familyName: 'Al-Shami',
          forenames: 'Bilal',
          nameOriginalScript: 'بلال الشامي',
          sex: 'male',
          dateOfBirth: '1994-12-01',
          nationalities: ['JO'],
          identityDocuments: [{ type: 'passport', number: 'R482915', issuingCountry: 'JO' }],
        },
        warrant: redWarrant(
          'prosecution',
          'AMM-CR-2025-0630',
          '2025-06-30',
          'Amman Criminal Court',
          'JO',
          120,
        ),
        charges: [
          {
            offence: 'Aggravated theft',
            facts: 'Stole cash from an exchange office in Amman.',
            countryOfOffence: 'JO',
          },
        ],
      },
    },
  },
  {
    bureau: 'fr',
    stage: 'submitted',
    input: red({
      subject: {
        familyName: 'Vasseur',
        forenames: 'Nadia',
        sex: 'female',
        dateOfBirth: '1985-07-22',
        nationalities: ['FR', 'DZ'],
      },
      warrant: redWarrant(
        'prosecution',
        'PA-2025-3312',
        '2025-09-12',
        'Tribunal judiciaire de Paris',
        'FR',
        120,
      ),
      charges: [
        {
          offence: 'Aggravated fraud',
          facts: 'Sold fake concert tickets online to 4,000 buyers.',
          countryOfOffence: 'FR',
        },
      ],
    }),
  },
  {
    bureau: 'ng',
    stage: 'draft',
    input: red({
      subject: {
        familyName: 'Balogun',
        forenames: 'Tayo',
        sex: 'male',
        dateOfBirth: '1979',
        nationalities: ['NG'],
      },
      warrant: redWarrant('prosecution', 'LD/2025/774', '2025-08-04', 'High Court of Lagos State', 'NG', 168),
      charges: [
        {
          offence: 'Kidnapping',
          facts: 'Abducted a businessman for ransom in Lagos.',
          countryOfOffence: 'NG',
        },
      ],
    }),
  },
];

/** Creates the demo notices; returns how many. Expects the demo users to exist. */
export async function seedDemoNotices(ctx: AppContext, notices: DemoNotice[] = DEMO_NOTICES) {
  const meta = { purpose: 'Demo data' };
  const reviewer = await demoPrincipal(ctx, 'xg.reviewer');
  const photo = portraitPng().toString('base64');
  let created = 0;
  for (const n of notices) {
    const officer = await demoPrincipal(ctx, `${n.bureau}.officer`);
    const supervisor = await demoPrincipal(ctx, `${n.bureau}.supervisor`);
    let row = await createNotice(ctx, officer, n.input, meta);
    created++;
    // A photo is a change: the notice's version moves on.
    if (n.photo)
      row = await addPhoto(ctx, officer, row.id, photo, meta)
        .then(() => findNotice(ctx.db, row.id))
        .then((r) => r!);
    if (n.stage === 'draft') continue;
    const step = async (p: Principal, action: NoticeAction) => {
      row = await takeStep(ctx, p, row.id, row.version, action, undefined, meta);
    };
    await step(supervisor, 'approve');
    await step(supervisor, 'submit'); // a diffusion is sent here
    if (n.stage === 'published' && n.input.kind === 'notice') {
      await step(reviewer, 'take');
      await step(reviewer, 'publish');
    }
  }
  return created;
}

// --- A portrait placeholder: a grey silhouette on a light background, as an RGB PNG. ---

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 240×300 portrait placeholder: head, neck and shoulders in dark grey on a pale blue, as an ID photo without a face. */
export function portraitPng(width = 240, height = 300): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  type Ellipse = { x: number; y: number; rx: number; ry: number };
  const head: Ellipse = { x: width / 2, y: height * 0.37, rx: width * 0.19, ry: height * 0.19 };
  const body: Ellipse = { x: width / 2, y: height * 1.04, rx: width * 0.46, ry: height * 0.36 };
  const inside = (e: Ellipse, x: number, y: number) => ((x - e.x) / e.rx) ** 2 + ((y - e.y) / e.ry) ** 2 <= 1;
  const neck = (x: number, y: number) =>
    Math.abs(x - width / 2) < width * 0.09 && y > height * 0.5 && y < height * 0.72;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      if (inside(head, x, y) || inside(body, x, y) || neck(x, y)) {
        // Lit from the upper left: a little lighter there.
        const light = Math.round(20 * (1 - x / width) * (1 - y / height));
        raw[o] = 70 + light;
        raw[o + 1] = 74 + light;
        raw[o + 2] = 82 + light;
      } else {
        // A pale blue background, darker towards the bottom.
        const fade = Math.round((y / height) * 24);
        raw[o] = 208 - fade;
        raw[o + 1] = 222 - fade;
        raw[o + 2] = 238 - fade;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
