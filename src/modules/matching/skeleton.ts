// Consonant skeletons: a form Arabic script and Latin spellings of a name share. Arabic writes
// no short vowels and Latin spellings disagree mostly on vowels (Mohammed, Muhammad, Mohamad),
// so both sides are reduced to classes of consonants: محمد → MHMD, "Mohammed" → MHMD.
// Letters that stand for vowels or glides in one script and not the other (alef, waw, yaa;
// a e i o u w y) are left out on both sides, and doubled consonants collapse.
import anyAscii from 'any-ascii';

/** Arabic (and Persian/Urdu) letters to consonant classes; absent letters are dropped. */
const ARABIC: Record<string, string> = {
  ب: 'B',
  پ: 'B',
  ت: 'T',
  ط: 'T',
  ث: 'T',
  ج: 'J',
  چ: 'J',
  ح: 'H',
  ه: 'H',
  ۀ: 'H',
  ھ: 'H',
  خ: 'X',
  د: 'D',
  ض: 'D',
  ذ: 'D',
  ر: 'R',
  ڑ: 'R',
  ز: 'Z',
  ظ: 'Z',
  ژ: 'Z',
  س: 'S',
  ص: 'S',
  ش: 'S',
  غ: 'G',
  گ: 'G',
  ف: 'F',
  ڤ: 'F',
  ق: 'K',
  ك: 'K',
  ک: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ں: 'N',
};

/** Latin letter groups, longest first, to consonant classes ('' drops them). */
const LATIN: [RegExp, string][] = [
  [/sch|sh|ch(?=[^aeiouy]|$)|ch/g, 'S'],
  [/kh/g, 'X'],
  [/gh/g, 'G'],
  [/th/g, 'T'],
  [/dh|dz/g, 'D'],
  [/ph/g, 'F'],
  [/ck|q|k/g, 'K'],
  [/c(?=[eiy])/g, 'S'],
  [/c/g, 'K'],
  [/x/g, 'KS'],
  [/g(?=[eiy])/g, 'J'],
];
const LATIN_SINGLE: Record<string, string> = {
  b: 'B',
  p: 'B',
  t: 'T',
  d: 'D',
  j: 'J',
  g: 'G',
  h: 'H',
  f: 'F',
  v: 'F',
  s: 'S',
  z: 'Z',
  r: 'R',
  l: 'L',
  m: 'M',
  n: 'N',
};

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

// A name that begins with a vowel says so in both scripts: an initial alef (or ain, or hamza on
// yaa) in Arabic, an initial a e i o u in Latin. Kept as 'V', it tells Adrian from Doran.
const ARABIC_INITIAL_VOWEL = /^[اأإآعئ]/;

export function arabicSkeleton(word: string): string {
  // تش is how Arabic writes the Latin "ch" (Archie, Antić): one sound, as Latin "ch" → S.
  const w = word.replace(/تش/g, 'ش');
  let out = ARABIC_INITIAL_VOWEL.test(w) ? 'V' : '';
  for (const ch of w) out += ARABIC[ch] ?? '';
  return collapse(out);
}

export function latinSkeleton(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  // A final h after a vowel is the Arabic taa marbuta or a spelling habit (Fatimah, Allah).
  w = w.replace(/([aeiou])h$/, '$1');
  let out = /^[aeiou]/.test(w) ? 'V' : '';
  for (const [re, cls] of LATIN) w = w.replace(re, cls);
  for (const ch of w) out += ch >= 'A' && ch <= 'Z' ? ch : (LATIN_SINGLE[ch] ?? '');
  return collapse(out);
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

// Letters beyond Latin (with its diacritics): Cyrillic, Greek, Hebrew, Han… are transliterated
// by any-ascii first (Иванов → Ivanov, Γιώργος → Giorgos, כהן → khhn, 王 → Wang).
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** The skeleton of a word in any script. */
export function skeleton(word: string): string {
  if (ARABIC_LETTER.test(word)) return arabicSkeleton(word);
  return latinSkeleton(OTHER_SCRIPT.test(word) ? anyAscii(word) : word);
}
