// The rule files of review assistance (neutrality-rules.json, minor-offences.json) are data that
// people who are not programmers maintain. They are checked when the module loads, so that a
// rule missing a language or a term that cannot match stops the server at start, not a review.
import { parseTerm, type Term } from './term-match.js';

/** The four official languages of INTERPOL: every rule has terms in each. */
export const RULE_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

export interface RuleData {
  id: string;
  terms: Record<RuleLanguage, string[]>;
  exceptions?: Partial<Record<RuleLanguage, string[]>>;
  explanation: string;
}

export interface CompiledRule<R extends RuleData> {
  rule: R;
  terms: Term[];
  exceptions: Term[];
}

export class RuleSetError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * Checks a rule file's rules and prepares their terms. `check` adds the checks of one file
 * (a rule's character, kind or severity) and returns a problem or null.
 */
export function compileRules<R extends RuleData>(
  file: string,
  rules: unknown,
  check: (rule: Record<string, unknown>) => string | null,
): CompiledRule<R>[] {
  if (!Array.isArray(rules) || rules.length === 0) throw new RuleSetError(`${file}: no rules`);
  const seen = new Set<string>();
  return rules.map((raw, i) => {
    const where = `${file}: rule ${isRecord(raw) && typeof raw.id === 'string' ? raw.id : i}`;
    if (!isRecord(raw) || typeof raw.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(raw.id)) {
      throw new RuleSetError(`${where}: an id of lower-case letters, digits and _ is required`);
    }
    if (seen.has(raw.id)) throw new RuleSetError(`${where}: the id is used twice`);
    seen.add(raw.id);
    if (typeof raw.explanation !== 'string' || raw.explanation.trim() === '') {
      throw new RuleSetError(`${where}: an explanation is required`);
    }
    const problem = check(raw);
    if (problem) throw new RuleSetError(`${where}: ${problem}`);
    const terms = raw.terms;
    if (!isRecord(terms)) throw new RuleSetError(`${where}: terms are required`);
    const exceptions = raw.exceptions ?? {};
    if (!isRecord(exceptions)) throw new RuleSetError(`${where}: exceptions must be an object`);
    const parse = (list: string[], language: RuleLanguage): Term[] =>
      list.map((t) => {
        try {
          return { ...parseTerm(t), language };
        } catch (e) {
          throw new RuleSetError(`${where}: ${(e as Error).message}`);
        }
      });
    const compiled: CompiledRule<R> = { rule: raw as unknown as R, terms: [], exceptions: [] };
    for (const lang of RULE_LANGUAGES) {
      const list = terms[lang];
      if (!strings(list) || list.length === 0) throw new RuleSetError(`${where}: no terms in "${lang}"`);
      compiled.terms.push(...parse(list, lang));
      const except = exceptions[lang];
      if (except !== undefined) {
        if (!strings(except)) throw new RuleSetError(`${where}: exceptions in "${lang}" must be terms`);
        compiled.exceptions.push(...parse(except, lang));
      }
    }
    return compiled;
  });
}
