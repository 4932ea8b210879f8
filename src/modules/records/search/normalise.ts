// How identifiers and free text are normalised for search, on the way in (index) and on the
// way out (query), so that the two always agree.
import anyAscii from 'any-ascii';

/**
 * An identifier as officers type it, reduced to what identifies: Unicode compatibility forms
 * folded (full-width digits…), upper case, and separators (spaces, dashes, dots, slashes, the
 * MRZ filler '<') removed. Letters and digits stay distinct: O and 0 are different characters
 * in a document number, and an exact match must respect that.
 */
export function normaliseIdentifier(value: string): string {
  // Letters and digits of ASCII only (most identifiers): upper case is all there is to do.
  if (/^[A-Za-z0-9]*$/.test(value)) return value.toUpperCase();
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// Characters that OCR, handwriting and tired eyes confuse. D/0 and U/V are deliberately
// left out: they are too common as real letters to fold without drowning exact matches.
const LOOK_ALIKES: Record<string, string> = {
  O: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};

/**
 * The search key: a normalised identifier with look-alike characters folded together, so that
 * "AB0123" finds "ABO123". Exact and look-alike matches are told apart by comparing the
 * normalised values (see `matchKind`).
 */
export function foldLookAlikes(normalised: string): string {
  return normalised.replace(/[OQILZSBG]/g, (ch) => LOOK_ALIKES[ch]!);
}

export function matchKind(queryNormalised: string, storedNormalised: string): 'exact' | 'similar' {
  return queryNormalised === storedNormalised ? 'exact' : 'similar';
}

/**
 * Free text in any script, reduced to lower-case ASCII words separated by single spaces
 * (any-ascii transliterates Arabic, Cyrillic, Chinese… the same way for the record and the
 * query, so "Müller" and "MULLER" meet, and "Мюллер" becomes "myuller").
 */
export function normaliseText(text: string): string {
  // Plain ASCII (most identifiers and many names) needs no transliteration.
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : anyAscii(text.normalize('NFKC'));
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The distinct words of a text, for a query (at most `max`, at least 2 characters each). */
export function textTerms(text: string, max = 8): string[] {
  const words = normaliseText(text)
    .split(' ')
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, max);
}
