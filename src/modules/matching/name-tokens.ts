// A full name as the tokens worth comparing: script-specific normalisation, particles
// dropped (al-, bin, ibn, bint…), compounds joined (Abd al-Rahman, Abdul Rahman, Abdelrahman and
// عبد الرحمن all become one token), in any order the name was written.

// Arabic: harakat, Quranic marks and tatweel go; alef forms, taa marbuta, alef maqsura and hamza
// carriers are unified; Persian and Urdu letters map to their Arabic forms.
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_UNIFY: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ؤ: 'و',
  ئ: 'ي',
  ک: 'ك',
  ګ: 'ك',
  ہ: 'ه',
  ۀ: 'ه',
  ھ: 'ه',
};

export function normaliseArabic(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(/[أإآٱةىیېؤئکګہۀھ]/g, (c) => ARABIC_UNIFY[c] ?? c);
}

/** Words that connect names rather than name anyone: dropped before comparing. */
const PARTICLES = new Set([
  'bin',
  'ben',
  'ibn',
  'bint',
  'binti',
  'ould',
  'بن',
  'ابن',
  'بنت',
  'ولد',
  'de',
  'da',
  'del',
  'van',
  'von',
  'der',
]);
/** Articles written apart (al Khatib) or joined (al-Khatib, الخطيب). */
const ARTICLES = new Set(['al', 'el', 'ul', 'ال']);
/** First halves of compound names, joined with what follows (Abd al-Rahman, Abu Bakr). */
const COMPOUND_HEADS = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdur',
  'abdu',
  'abu',
  'abou',
  'عبد',
  'ابو',
]);

// A Chinese name is written without spaces, family name first: 王伟 is Wang Wei. Its first
// character is taken as the family name and the rest as the given name, as Latin spellings
// write them (Wang Wei, Wei Wang, Zhang Xiaoming).
const HAN = /^\p{Script=Han}{2,}$/u;

function words(name: string): string[] {
  return normaliseArabic(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[’'`ʿʾ]/g, '')
    .split(/[\s,.\-_/・·]+/)
    .flatMap((w) => (HAN.test(w) ? [w.slice(0, 1), w.slice(1)] : [w]))
    .filter(Boolean);
}

/** Strips a joined article: al-Khatib → khatib, الخطيب → خطيب (never leaving less than 3 letters). */
function withoutArticle(w: string): string {
  if (w.startsWith('ال') && w.length > 4) return w.slice(2);
  const m = /^(al|el)(?=[a-z]{3})/.exec(w);
  return m ? w.slice(2) : w;
}

/** Abdulrahman, Abdelrahman, Abdurrahman → abd + rahman: the article inside a compound goes. */
function splitCompound(w: string): string {
  const m = /^(abd|abu|abou)(?:ul|el|al|ur|ar|ol|u)?(?=[a-z]{3})/.exec(w);
  if (!m || w === m[0]) return w;
  const rest = w.slice(m[0].length).replace(/^(r|l)(?=\1)/, '');
  return `${m[1] === 'abou' ? 'abu' : m[1]}${rest}`;
}

export function nameTokens(name: string): string[] {
  const ws = words(name).filter((w) => !PARTICLES.has(w));
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (ARTICLES.has(w)) continue;
    if (COMPOUND_HEADS.has(w) && i + 1 < ws.length) {
      // Join with the next word, skipping an article written apart: Abd al Rahman → abdrahman.
      let j = i + 1;
      if (ARTICLES.has(ws[j]!) && j + 1 < ws.length) j++;
      const head = w.startsWith('abd') ? 'abd' : w.startsWith('ab') ? 'abu' : w;
      out.push(`${head}${withoutArticle(ws[j]!)}`);
      i = j;
      continue;
    }
    out.push(splitCompound(withoutArticle(w)));
  }
  return out;
}
