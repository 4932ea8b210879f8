// Article 3 of INTERPOL's Constitution forbids any intervention in matters of a political,
// military, religious or racial character. The reviewer judges whether such an element
// predominates; this points them to where the notice's own words suggest one, using the rule set
// kept as data in neutrality-rules.json (terms in the four official languages).
import type { Notice } from '../notice.types.js';
import rulesJson from './neutrality-rules.json' with { type: 'json' };
import { noticeTexts } from './notice-text.js';
import type { ReviewFlag } from './review-flag.js';
import { compileRules, type RuleData } from './rule-set.js';
import { TermText } from './term-match.js';

export const CHARACTERS = ['political', 'military', 'religious', 'racial'] as const;
export type Character = (typeof CHARACTERS)[number];

export interface NeutralityRule extends RuleData {
  character: Character;
  /** 'problem' where the terms name an offence of that character as such; 'warning' by default. */
  severity?: 'problem' | 'warning';
}

export const NEUTRALITY_RULES = compileRules<NeutralityRule>(
  'neutrality-rules.json',
  rulesJson.rules,
  (r) => {
    if (!CHARACTERS.includes(r.character as Character))
      return `character must be one of ${CHARACTERS.join(', ')}`;
    if (r.severity !== undefined && r.severity !== 'problem' && r.severity !== 'warning') {
      return 'severity must be "problem" or "warning"';
    }
    return null;
  },
);

const label = (id: string) => id.replaceAll('_', ' ');

/** One flag per rule whose terms appear in the notice's text, at the first place they appear. */
export function neutralityFlags(notice: Notice): ReviewFlag[] {
  const texts = noticeTexts(notice).map((f) => ({ path: f.path, text: new TermText(f.text) }));
  const flags: ReviewFlag[] = [];
  for (const { rule, terms, exceptions } of NEUTRALITY_RULES) {
    let fields = 0;
    let first: ReviewFlag | null = null;
    for (const { path, text } of texts) {
      const m = text.find(terms, exceptions);
      if (!m) continue;
      fields++;
      first ??= {
        code: `neutrality.${rule.character}`,
        severity: rule.severity ?? 'warning',
        field: path,
        message: `${path} mentions "${m.text}" (${label(rule.id)}): check whether a ${rule.character} element predominates (Article 3).`,
        details: {
          rule: rule.id,
          character: rule.character,
          match: m.text,
          term: m.term,
          ...(m.language ? { termLanguage: m.language } : {}),
          excerpt: m.excerpt,
          explanation: rule.explanation,
        },
      };
    }
    if (first) {
      first.details!.fields = fields;
      flags.push(first);
    }
  }
  return flags;
}
