// What the printed notice says, apart from how it looks: the notice's data turned into titled
// sections of label/value rows in the chosen language. Values print as stored (names in any
// script); only codes are translated (countries, enumerations). Empty fields are left out.
import type { Notice, NoticeCharge, NoticeSubject } from '../notice.types.js';
import { isolate } from './bidi-text.js';
import { enumValue, type LabelKey, label, type PdfLanguage } from './labels.js';

/**
 * `composed`: the value is put together here (translated words, country names, lists), so it reads
 * in the document's direction; a stored value takes the direction of its own first letter.
 */
export type Row =
  | { label: string; value: string; composed?: boolean }
  | { subheading: string }
  | { text: string };

export interface Section {
  title: string;
  rows: Row[];
}

export interface SectionContext {
  lang: PdfLanguage;
  countryName: (code: string) => string;
}

type Part = Record<string, unknown>;

const isPart = (v: unknown): v is Part => typeof v === 'object' && v !== null && !Array.isArray(v);
const partOf = (notice: Notice, key: string): Part | undefined => {
  const v = notice.data[key];
  return isPart(v) ? v : undefined;
};
const str = (p: Part, key: string): string | undefined => {
  const v = p[key];
  return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;
};
const strs = (p: Part, key: string): string[] => {
  const v = p[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
};

/** Joins list items, each keeping its own direction, with the language's comma (Arabic: "،"). */
export const joinList = (lang: PdfLanguage, items: string[]) =>
  items.map(isolate).join(lang === 'ar' ? '، ' : ', ');

/** "2024-03-01T10:00:00Z" → "2024-03-01"; partial dates ("1980", "1980-05") print as stored. */
export const dateOnly = (value: string) => (/^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value);

class RowList {
  readonly rows: Row[] = [];
  constructor(private readonly ctx: SectionContext) {}

  add(key: LabelKey, value: string | number | undefined | null, composed = false): this {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      this.rows.push({
        label: label(this.ctx.lang, key),
        value: String(value),
        ...(composed ? { composed } : {}),
      });
    }
    return this;
  }
  /** A paragraph across the whole width, for a section that is one long text. */
  text(value: unknown): this {
    if (typeof value === 'string' && value.trim() !== '') this.rows.push({ text: value });
    return this;
  }
  enumValue(key: LabelKey, group: string, value: string | undefined): this {
    return this.add(key, value === undefined ? undefined : enumValue(this.ctx.lang, group, value), true);
  }
  country(key: LabelKey, code: string | undefined): this {
    return this.add(key, code === undefined ? undefined : this.ctx.countryName(code), true);
  }
  countries(key: LabelKey, codes: string[] | undefined): this {
    return this.add(
      key,
      joinList(
        this.ctx.lang,
        (codes ?? []).map((c) => this.ctx.countryName(c)),
      ),
      true,
    );
  }
  /** "Lyon, France" from a place and a country code. */
  place(key: LabelKey, place: string | undefined, code: string | undefined): this {
    const parts = [place, code === undefined ? undefined : this.ctx.countryName(code)];
    return this.add(
      key,
      joinList(
        this.ctx.lang,
        parts.filter((x): x is string => !!x),
      ),
      true,
    );
  }
}

function identity(subject: NoticeSubject, ctx: SectionContext): Section {
  const r = new RowList(ctx)
    .add('familyName', subject.familyName)
    .add('forenames', subject.forenames)
    .add('nameOriginalScript', subject.nameOriginalScript)
    .add('aliases', joinList(ctx.lang, subject.aliases ?? []))
    .enumValue('sex', 'sex', subject.sex)
    .add('dateOfBirth', subject.dateOfBirth)
    .place('placeOfBirth', subject.placeOfBirth, subject.countryOfBirth)
    .countries('nationalities', subject.nationalities)
    .add('height', subject.heightCm)
    .add('weight', subject.weightKg)
    .add('eyes', subject.eyeColour)
    .add('hair', subject.hairColour)
    .add('marks', subject.distinguishingMarks)
    .add('languages', joinList(ctx.lang, subject.languages ?? []))
    .enumValue('fingerprints', 'yesNo', subject.fingerprintsAvailable)
    .enumValue('dna', 'yesNo', subject.dnaProfileAvailable);
  const documents = (subject.identityDocuments ?? []).map(
    (d) =>
      `${enumValue(ctx.lang, 'documentType', d.type)} ${isolate(d.number)} (${isolate(ctx.countryName(d.issuingCountry))})`,
  );
  r.add('identityDocuments', documents.join('\n'), true)
    .country('refugeeGrantedBy', subject.refugeeStatusGrantedBy)
    .country('refugeePersecution', subject.refugeePersecutionCountry);
  return { title: label(ctx.lang, 'identity'), rows: r.rows };
}

function chargeSection(
  titleKey: LabelKey,
  charges: NoticeCharge[] | undefined,
  ctx: SectionContext,
): Section[] {
  if (!charges || charges.length === 0) return [];
  const r = new RowList(ctx);
  charges.forEach((c, i) => {
    if (charges.length > 1) r.rows.push({ subheading: `${label(ctx.lang, 'charge')} ${i + 1}` });
    r.add('offence', c.offence)
      .add('facts', c.facts)
      .place('place', c.placeOfOffence, c.countryOfOffence)
      .add('date', c.dateOfOffence);
  });
  return [{ title: label(ctx.lang, titleKey), rows: r.rows }];
}

const section = (ctx: SectionContext, titleKey: LabelKey, r: RowList): Section[] =>
  r.rows.length > 0 ? [{ title: label(ctx.lang, titleKey), rows: r.rows }] : [];

function typeSpecific(notice: Notice, ctx: SectionContext): Section[] {
  const d = notice.data;
  switch (notice.type) {
    case 'red': {
      const w = d.warrant;
      const r = new RowList(ctx);
      if (w) {
        r.enumValue('soughtFor', 'warrantBasis', w.basis)
          .add('reference', w.reference)
          .add('date', w.date)
          .add('issuingAuthority', w.issuingAuthority)
          .country('issuingCountry', w.issuingCountry)
          .add('maxPenalty', w.maximumPenaltyMonths)
          .add('sentenceImposed', w.sentenceImposedMonths)
          .add('sentenceRemaining', w.sentenceRemainingMonths);
      }
      return [...section(ctx, 'warrant', r), ...chargeSection('charges', d.charges, ctx)];
    }
    case 'yellow': {
      const e = partOf(notice, 'event') ?? {};
      const r = new RowList(ctx)
        .enumValue('case', 'yellowCase', str(e, 'kind'))
        .add('disappearanceDate', str(e, 'date'))
        .place('disappearancePlace', str(e, 'place'), str(e, 'country'))
        .add('circumstances', str(e, 'circumstances'));
      return section(ctx, 'disappearance', r);
    }
    case 'blue': {
      const r = new RowList(ctx).text(d.informationSought);
      return [...section(ctx, 'informationSought', r), ...chargeSection('offencesConcerned', d.charges, ctx)];
    }
    case 'black': {
      const b = partOf(notice, 'body') ?? {};
      const min = str(b, 'estimatedAgeMin');
      const max = str(b, 'estimatedAgeMax');
      const r = new RowList(ctx)
        .add('foundDate', str(b, 'foundDate'))
        .place('foundPlace', str(b, 'foundPlace'), str(b, 'foundCountry'))
        .enumValue('sex', 'sex', str(b, 'sex'))
        .add('estimatedAge', min && max ? `${min}–${max}` : (min ?? max))
        .add('height', str(b, 'heightCm'))
        .add('description', str(b, 'description'))
        .add('causeOfDeath', str(b, 'causeOfDeath'))
        .enumValue('fingerprints', 'yesNo', str(b, 'fingerprintsAvailable'))
        .enumValue('dna', 'yesNo', str(b, 'dnaProfileAvailable'));
      return section(ctx, 'body', r);
    }
    case 'green': {
      const r = new RowList(ctx).text(d.riskAssessment);
      return [...chargeSection('offencesCommitted', d.charges, ctx), ...section(ctx, 'riskAssessment', r)];
    }
    case 'orange': {
      const t = partOf(notice, 'threat') ?? {};
      const r = new RowList(ctx)
        .enumValue('threatFrom', 'threatKind', str(t, 'kind'))
        .add('description', str(t, 'description'))
        .enumValue('imminence', 'imminence', str(t, 'imminence'))
        .add('validUntil', str(t, 'validUntil'));
      return section(ctx, 'threat', r);
    }
    case 'purple': {
      const m = partOf(notice, 'modusOperandi') ?? {};
      const r = new RowList(ctx)
        .add('offence', str(m, 'offence'))
        .add('modusOperandi', str(m, 'description'))
        .add('objects', str(m, 'objects'))
        .add('concealment', str(m, 'concealment'))
        .countries('countriesConcerned', strs(m, 'countriesConcerned'));
      return section(ctx, 'modusOperandi', r);
    }
    case 'silver': {
      const a = partOf(notice, 'assets') ?? {};
      const r = new RowList(ctx)
        .add('assetsSought', str(a, 'description'))
        .add('assetsOffence', str(a, 'offence'))
        .add('estimatedValue', money(ctx.lang, a.estimatedValueMinor, str(a, 'currency')))
        .countries('assetCountries', strs(a, 'countriesConcerned'));
      return [...section(ctx, 'assets', r), ...chargeSection('charges', d.charges, ctx)];
    }
    case 'un': {
      const s = partOf(notice, 'sanctions') ?? {};
      const r = new RowList(ctx)
        .add('committee', str(s, 'committee'))
        .add('unReference', str(s, 'unReference'))
        .add('measures', joinList(ctx.lang, strs(s, 'measures')))
        .add('listedOn', str(s, 'listedOn'))
        .add('narrative', str(s, 'narrative'));
      return section(ctx, 'sanctions', r);
    }
  }
}

/** Minor units to an amount in the currency's own decimals, with Latin digits in every language. */
export function money(lang: PdfLanguage, minor: unknown, currency: string | undefined): string | undefined {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return undefined;
  const locale = `${lang}-u-nu-latn`;
  if (!currency) return new Intl.NumberFormat(locale).format(minor);
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}

/** The body of the printed notice, in reading order. */
export function noticeSections(notice: Notice, ctx: SectionContext, requestingBureauName: string): Section[] {
  const sections: Section[] = [];
  if (notice.data.subject) sections.push(identity(notice.data.subject, ctx));
  sections.push(...typeSpecific(notice, ctx));
  sections.push(...section(ctx, 'summary', new RowList(ctx).text(notice.data.summary)));
  sections.push(...section(ctx, 'actionRequested', new RowList(ctx).text(notice.data.actionRequested)));
  const request = new RowList(ctx)
    .add('requestingBureau', requestingBureauName)
    .add('publishedOn', notice.publishedAt ? dateOnly(notice.publishedAt) : undefined)
    .add('reviewDate', notice.reviewDate ? dateOnly(notice.reviewDate) : undefined);
  if (notice.handling === 'restricted') request.enumValue('handling', 'handling', notice.handling);
  sections.push(...section(ctx, 'request', request));
  return sections;
}
