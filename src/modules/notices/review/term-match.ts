// Finding the terms of a rule set (neutrality-rules.json, minor-offences.json) in the free text
// of a notice, in English, French, Spanish and Arabic as bureaus write them: case, accents and
// Arabic harakat ignored, whole words only, Arabic prefixes (و ف ب ك ل and the article ال) read
// through, so that a rule is written once per language rather than once per spelling.
//
// Term syntax (kept simple so that the rule files stay readable by the people who maintain them):
//   - words separated by spaces or punctuation: "chef de l'État" is chef · de · l · etat;
//   - a word ending in * matches any word it begins: "déserteur*" matches déserteurs;
//   - ".." stands for up to three words in between: "insult* .. president" matches
//     "insulting the President".
// Arabic terms are written with the article where it is usual (الردة): it is read through on both
// sides, so الردة, ردة and والردة all match.

/** Up to this many words may stand where a term has "..". */
const GAP_WORDS = 3;

type TermPart = { kind: 'word'; value: string; prefix: boolean } | { kind: 'gap' };

export interface Term {
  /** As written in the rule file. */
  source: string;
  /** The language of the rule file it is listed under, when known. */
  language?: string;
  parts: TermPart[];
}

interface Token {
  start: number;
  end: number;
  /** The normalised word and, for Arabic, the word without its prefixes. */
  forms: string[];
}

export interface TermMatch {
  term: string;
  language?: string;
  /** The words of the text that matched, as written. */
  text: string;
  /** The match with some of the text around it. */
  excerpt: string;
}

const LATIN_FOLD: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const ARABIC_FOLD: Record<string, string> = { ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك', ہ: 'ه', ۀ: 'ه', ھ: 'ه' };
const ARABIC_LETTER = /[\u0600-\u06ff]/;

/**
 * One word reduced to what is compared: compatibility forms folded, accents and harakat dropped
 * (NFKD splits é into e + accent and أ into ا + hamza), lower case, tatweel removed, the letters
 * that Arabic writers interchange (taa marbuta, alef maqsura, Persian forms) unified.
 */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/[ßœæøłđı]/g, (c) => LATIN_FOLD[c] ?? c)
    .replace(/[ةىیکہۀھ]/g, (c) => ARABIC_FOLD[c] ?? c);
}

// Arabic proclitics: a conjunction (و ف), a preposition (ب ك ل) and the article (ال; ل + ال is
// written لل). Longest first, so that "وبال" is tried before "و".
const ARABIC_PREFIXES = (() => {
  const set = new Set<string>();
  for (const conj of ['', 'و', 'ف'])
    for (const prep of ['', 'ب', 'ك', 'ل'])
      for (const art of ['', 'ال']) {
        const p = prep === 'ل' && art === 'ال' ? `${conj}لل` : conj + prep + art;
        if (p) set.add(p);
      }
  return [...set].sort((a, b) => b.length - a.length);
})();

/** An Arabic word without its article: how terms are compared. */
function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
}

function forms(normalised: string): string[] {
  if (!ARABIC_LETTER.test(normalised)) return [normalised];
  const out = new Set([normalised, withoutArticle(normalised)]);
  for (const p of ARABIC_PREFIXES) {
    if (normalised.startsWith(p) && normalised.length - p.length >= 2) {
      out.add(withoutArticle(normalised.slice(p.length)));
    }
  }
  return [...out];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const n = normaliseWord(m[0]);
    if (n) tokens.push({ start: m.index, end: m.index + m[0].length, forms: forms(n) });
  }
  return tokens;
}

/** Parses a term of a rule file; throws on a term that could never match sensibly. */
export function parseTerm(source: string): Term {
  const parts: TermPart[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    if (raw === '..') {
      parts.push({ kind: 'gap' });
      continue;
    }
    const prefix = raw.endsWith('*');
    const words = [...(prefix ? raw.slice(0, -1) : raw).matchAll(WORD)].map((m) => normaliseWord(m[0]));
    words.forEach((w, i) => {
      const value = ARABIC_LETTER.test(w) ? withoutArticle(w) : w;
      parts.push({ kind: 'word', value, prefix: prefix && i === words.length - 1 });
    });
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || first.kind === 'gap' || !last || last.kind === 'gap') {
    throw new Error(`term "${source}" must begin and end with a word`);
  }
  if (parts.some((p, i) => p.kind === 'gap' && parts[i + 1]?.kind === 'gap')) {
    throw new Error(`term "${source}" has two gaps in a row`);
  }
  if (parts.some((p) => p.kind === 'word' && p.prefix && p.value.length < 3)) {
    throw new Error(`term "${source}": a stem needs at least three letters`);
  }
  return { source, parts };
}

function wordMatches(part: { value: string; prefix: boolean }, token: Token): boolean {
  return token.forms.some((f) => (part.prefix ? f.startsWith(part.value) : f === part.value));
}

/** The index of the last token matched when the term matches from token `at`, or -1. */
function matchAt(parts: TermPart[], tokens: Token[], pi: number, ti: number): number {
  const part = parts[pi];
  if (!part) return ti - 1;
  if (part.kind === 'gap') {
    for (let skip = 0; skip <= GAP_WORDS; skip++) {
      const end = matchAt(parts, tokens, pi + 1, ti + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[ti];
  if (!token || !wordMatches(part, token)) return -1;
  return matchAt(parts, tokens, pi + 1, ti + 1);
}

const CONTEXT_CHARS = 40;

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** A text prepared once and searched for many terms. */
export class TermText {
  private readonly tokens: Token[];

  constructor(readonly text: string) {
    this.tokens = tokenise(text);
  }

  /**
   * The first place where one of the terms matches, or null. A place where one of the
   * exceptions matches (from the same word) is passed over: "ردة فعل" is a reaction, not "ردة".
   */
  find(terms: readonly Term[], exceptions: readonly Term[] = []): TermMatch | null {
    for (let ti = 0; ti < this.tokens.length; ti++) {
      if (exceptions.some((e) => matchAt(e.parts, this.tokens, 0, ti) >= 0)) continue;
      for (const term of terms) {
        const end = matchAt(term.parts, this.tokens, 0, ti);
        if (end < 0) continue;
        const start = this.tokens[ti]!.start;
        const stop = this.tokens[end]!.end;
        return {
          term: term.source,
          ...(term.language ? { language: term.language } : {}),
          text: this.text.slice(start, stop),
          excerpt: excerpt(this.text, start, stop),
        };
      }
    }
    return null;
  }
}
