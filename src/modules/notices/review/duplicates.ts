// A person should have one notice of a kind, not two requested by different bureaus or twice by
// the same one. The reviewer sees the other active notices that look like the same person, through
// the person matcher used everywhere else (names across scripts, date of birth, nationality, sex),
// and those that carry the same identity document.
//
// The caller passes the active notices (submitted, under review, info requested, published). Each
// is scored here, which is fine for a few thousand; beyond that the caller should pass candidates
// already narrowed (by the person index, or by date of birth).
import { skeletonMatcher } from '../../matching/person-matcher.js';
import type { PersonFacts } from '../../records/catalogue/catalogue.types.js';
import { normaliseIdentifier } from '../../records/search/normalise.js';
import type { PersonQuery } from '../../records/search/person-matcher.js';
import type { Notice, NoticeSubject } from '../notice.types.js';
import type { ReviewFlag } from './review-flag.js';

/** At most this many possible duplicates are shown, best first. */
export const MAX_DUPLICATES = 5;

/** Every name of the subject as written: Latin form, original script, aliases. */
function names(s: NoticeSubject): string[] {
  const latin = [s.forenames, s.familyName].filter((n) => n?.trim()).join(' ');
  return [latin, s.nameOriginalScript ?? '', ...(s.aliases ?? [])].filter((n) => n.trim() !== '');
}

export function subjectFacts(s: NoticeSubject): PersonFacts {
  const facts: PersonFacts = { names: names(s), sex: s.sex };
  if (s.dateOfBirth) facts.dateOfBirth = s.dateOfBirth;
  if (s.nationalities?.length) facts.nationalities = s.nationalities;
  return facts;
}

/** One query per name and nationality of the subject: the matcher takes one of each. */
function subjectQueries(s: NoticeSubject): PersonQuery[] {
  const nationalities: (string | undefined)[] = s.nationalities?.length ? s.nationalities : [undefined];
  return names(s).flatMap((name) =>
    nationalities.map((nationality) => {
      const q: PersonQuery = { name, sex: s.sex };
      if (s.dateOfBirth) q.dateOfBirth = s.dateOfBirth;
      if (nationality) q.nationality = nationality;
      return q;
    }),
  );
}

function describe(other: Notice): Record<string, string> {
  return {
    noticeId: other.id,
    controlNumber: other.controlNumber ?? '',
    type: other.type,
    status: other.status,
  };
}

function reference(other: Notice): string {
  return `${other.type} notice ${other.controlNumber ?? other.id} (${other.status.replaceAll('_', ' ')})`;
}

function personFlags(subject: NoticeSubject, others: Notice[]): ReviewFlag[] {
  const queries = subjectQueries(subject);
  const scored: { other: Notice; score: number; name: string }[] = [];
  for (const other of others) {
    const s = other.data.subject;
    if (!s) continue;
    const facts = subjectFacts(s);
    let best = 0;
    for (const q of queries) best = Math.max(best, skeletonMatcher.score(q, facts).score);
    if (best >= skeletonMatcher.threshold) scored.push({ other, score: best, name: facts.names[0] ?? '' });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, MAX_DUPLICATES).map(({ other, score, name }) => ({
    code: 'duplicate.person',
    severity: 'warning',
    field: 'data.subject',
    message: `The person may be the subject of ${reference(other)}, "${name}" (score ${score.toFixed(2)}): compare them before publishing a second notice.`,
    details: {
      ...describe(other),
      name,
      score: Math.round(score * 100) / 100,
      matcher: skeletonMatcher.name,
    },
  }));
}

const docKey = (d: { number: string; issuingCountry: string }) =>
  `${d.issuingCountry.toUpperCase()}:${normaliseIdentifier(d.number)}`;

function documentFlags(subject: NoticeSubject, others: Notice[]): ReviewFlag[] {
  const mine = new Map<string, number>();
  (subject.identityDocuments ?? []).forEach((d, i) => {
    if (!mine.has(docKey(d))) mine.set(docKey(d), i);
  });
  if (mine.size === 0) return [];
  const flags: ReviewFlag[] = [];
  for (const other of others) {
    const doc = other.data.subject?.identityDocuments?.find((d) => mine.has(docKey(d)));
    if (!doc) continue;
    const index = mine.get(docKey(doc))!;
    flags.push({
      code: 'duplicate.document',
      severity: 'warning',
      field: `data.subject.identityDocuments.${index}`,
      message: `The ${doc.type.replaceAll('_', ' ')} ${doc.issuingCountry} ${doc.number} is also in ${reference(other)}: check whether it is the same person.`,
      details: { ...describe(other), documentNumber: doc.number, issuingCountry: doc.issuingCountry },
    });
  }
  return flags;
}

/** Other active notices that may be about the same person or carry the same identity document. */
export function duplicateFlags(notice: Notice, others: Notice[]): ReviewFlag[] {
  const subject = notice.data.subject;
  if (!subject) return [];
  const rest = others.filter((o) => o.id !== notice.id);
  return [...personFlags(subject, rest), ...documentFlags(subject, rest)];
}
