// The free text of a notice that review assistance reads: its title and every string of its data
// (charges, facts, summary, action requested, threat, modus operandi… whatever the type holds),
// but not who the subject is. A name, an alias or a place of birth is not an offence, and reading
// them would flag a person called "Traitor" or born in "Religion Street".
import type { Notice } from '../notice.types.js';

export interface TextField {
  /** e.g. 'data.charges.0.offence' */
  path: string;
  text: string;
}

/** The subject's fields that describe rather than identify the person, and so are read. */
const SUBJECT_TEXT = new Set(['distinguishingMarks']);

function walk(value: unknown, path: string, out: TextField[]): void {
  if (typeof value === 'string') {
    if (value.trim() !== '') out.push({ path, text: value });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${path}.${i}`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (path === 'data.subject' && !SUBJECT_TEXT.has(key)) continue;
      walk(v, `${path}.${key}`, out);
    }
  }
}

/** The texts of a notice, the offences first (what a reviewer reads first), then in order. */
export function noticeTexts(notice: Notice): TextField[] {
  const out: TextField[] = [{ path: 'title', text: notice.title }];
  walk(notice.data, 'data', out);
  const isOffence = (f: TextField) => /\.offence$/.test(f.path);
  return [...out.filter(isOffence), ...out.filter((f) => !isOffence(f))];
}
