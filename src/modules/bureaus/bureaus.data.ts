// The membership list: which countries are INTERPOL members and in which region, kept as data in
// members.json. Country names in the four official languages come from i18n-iso-countries.
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import type { BureauTable } from '../../platform/db/schema.js';
import membersJson from './members.json' with { type: 'json' };

/** INTERPOL's regions, as member bureaus are grouped. */
export const REGIONS = [
  'africa',
  'americas',
  'asia_south_pacific',
  'europe',
  'middle_east_north_africa',
] as const;
export type Region = (typeof REGIONS)[number];

/** The region value of the General Secretariat, which belongs to no region. */
export const GS_REGION = 'general_secretariat';
/** Every value the `region` column may hold. */
export const BUREAU_REGIONS = [...REGIONS, GS_REGION] as const;
export type BureauRegion = (typeof BUREAU_REGIONS)[number];

/** The four official languages of INTERPOL. */
export const LANGUAGES = ['ar', 'en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type BureauNames = Record<Language, string>;

export const MEMBER_COUNT = 196;

export interface MembershipData {
  generalSecretariat: { code: string; names: BureauNames; region: string };
  members: { code: string; region: string }[];
}

export class MembershipDataError extends Error {}

for (const locale of [en, fr, es, ar]) countries.registerLocale(locale);

function isRegion(r: string): r is Region {
  return (REGIONS as readonly string[]).includes(r);
}

/** Checks the membership list and returns any problems found; empty means valid. */
export function membershipProblems(data: MembershipData): string[] {
  const problems: string[] = [];
  const gs = data.generalSecretariat;
  if (gs.code !== GENERAL_SECRETARIAT)
    problems.push(`General Secretariat code must be ${GENERAL_SECRETARIAT}`);
  if (gs.region !== GS_REGION) problems.push(`General Secretariat region must be ${GS_REGION}`);
  for (const lang of LANGUAGES) {
    if (typeof gs.names?.[lang] !== 'string' || gs.names[lang].trim() === '') {
      problems.push(`General Secretariat has no ${lang} name`);
    }
  }
  if (data.members.length !== MEMBER_COUNT) {
    problems.push(`expected ${MEMBER_COUNT} members, found ${data.members.length}`);
  }
  const seen = new Set<string>();
  for (const m of data.members) {
    if (seen.has(m.code)) problems.push(`${m.code}: listed twice`);
    seen.add(m.code);
    if (!/^[A-Z]{2}$/.test(m.code) || !countries.isValid(m.code)) {
      problems.push(`${m.code}: not an ISO 3166-1 alpha-2 code`);
    } else {
      for (const lang of LANGUAGES) {
        if (!countries.getName(m.code, lang)) problems.push(`${m.code}: no ${lang} name`);
      }
    }
    if (m.code === gs.code) problems.push(`${m.code}: clashes with the General Secretariat`);
    if (!isRegion(m.region)) problems.push(`${m.code}: unknown region '${m.region}'`);
  }
  return problems;
}

function memberRow(code: string, region: Region): BureauTable {
  const name = (lang: Language) => countries.getName(code, lang)!; // checked by membershipProblems
  return {
    code,
    kind: 'member',
    region,
    name_en: name('en'),
    name_fr: name('fr'),
    name_es: name('es'),
    name_ar: name('ar'),
  };
}

function build(data: MembershipData): { members: BureauTable[]; gs: BureauTable } {
  const problems = membershipProblems(data);
  if (problems.length > 0) throw new MembershipDataError(`members.json is invalid: ${problems.join('; ')}`);
  const members = data.members
    .map((m) => memberRow(m.code, m.region as Region))
    .sort((a, b) => a.code.localeCompare(b.code));
  const { code, names } = data.generalSecretariat;
  const gs: BureauTable = {
    code,
    kind: 'general_secretariat',
    region: GS_REGION,
    name_en: names.en,
    name_fr: names.fr,
    name_es: names.es,
    name_ar: names.ar,
  };
  return { members, gs };
}

let cached: { members: BureauTable[]; gs: BureauTable } | undefined;
function rows() {
  cached ??= build(membersJson as MembershipData);
  return cached;
}

/** The 196 member bureaus, ordered by code. */
export function memberRows(): BureauTable[] {
  return rows().members.map((r) => ({ ...r }));
}

/** The General Secretariat's row. */
export function generalSecretariatRow(): BureauTable {
  return { ...rows().gs };
}

/** Every bureau: the 196 members and the General Secretariat (197 rows). */
export function allBureauRows(): BureauTable[] {
  return [...memberRows(), generalSecretariatRow()];
}
