// The fonts of the printed notice, taken from npm packages (@fontsource/noto-sans and
// @fontsource/noto-sans-arabic): no system font is used and nothing is fetched at run time, so a
// print looks the same on every server and in CI. Fontsource ships each script as its own WOFF
// subset, so a character is drawn with the first subset whose Unicode ranges hold it (fontkit,
// which pdfkit draws with, reads WOFF and shapes Arabic). The files are resolved through the
// packages, which works from src (vitest) and from dist alike. Each font is parsed once per
// process and handed to every document: parsing and warming up the shaping tables again for each
// print made a notice take seconds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

export type Weight = 400 | 700;
type Range = readonly [number, number];

interface Face {
  key: string;
  package: string;
  filePrefix: string;
  ranges: Range[];
}

/** "U+0400-045F,U+2116" → [[0x400, 0x45f], [0x2116, 0x2116]] */
export function parseUnicodeRanges(spec: string): Range[] {
  return spec.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to ? Number.parseInt(to, 16) : start] as const;
  });
}

const inRanges = (ranges: Range[], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

function loadFaces(): Face[] {
  const sans = require('@fontsource/noto-sans/unicode.json') as Record<string, string>;
  const arabic = require('@fontsource/noto-sans-arabic/unicode.json') as Record<string, string>;
  // The Arabic subset also claims general punctuation (U+2000–206F); leave that to Noto Sans,
  // except the joiners, which must stay in the Arabic run they join.
  const arabicRanges = parseUnicodeRanges(arabic.arabic ?? '').flatMap(([a, b]): Range[] =>
    a <= 0x206f && b >= 0x2000 ? [[Math.max(a, 0x200c), Math.min(b, 0x200d)]] : [[a, b]],
  );
  const sansSubsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];
  return [
    ...sansSubsets.map((subset) => ({
      key: `sans-${subset}`,
      package: '@fontsource/noto-sans',
      filePrefix: `noto-sans-${subset}`,
      ranges: parseUnicodeRanges(sans[subset] ?? ''),
    })),
    {
      key: 'arabic',
      package: '@fontsource/noto-sans-arabic',
      filePrefix: 'noto-sans-arabic-arabic',
      ranges: arabicRanges,
    },
  ];
}

let faces: Face[] | undefined;
const parsed = new Map<string, Font>();

function allFaces(): Face[] {
  faces ??= loadFaces();
  return faces;
}

/** The pdfkit font name for a face and weight. */
const fontName = (face: Face, weight: Weight) => `${face.key}-${weight}`;

/** The font (pdfkit name) that draws this code point; Latin for anything no face holds. */
export function fontFor(cp: number, weight: Weight): string {
  const all = allFaces();
  const face =
    all.find((f) => f.key === 'arabic' && inRanges(f.ranges, cp)) ?? all.find((f) => inRanges(f.ranges, cp));
  return fontName(face ?? all[0]!, weight);
}

/** The font for spaces and anything without a script of its own. */
export const baseFont = (weight: Weight) => fontName(allFaces()[0]!, weight);

function parsedFont(face: Face, weight: Weight): Font {
  const path = require.resolve(`${face.package}/files/${face.filePrefix}-${weight}-normal.woff`);
  let font = parsed.get(path);
  if (!font) {
    const created = create(readFileSync(path));
    if (!('layout' in created)) throw new Error(`${path} is a font collection, not a font`);
    font = created;
    parsed.set(path, font);
  }
  return font;
}

/** Makes every face known to the document; pdfkit embeds (a subset of) only those it uses. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const face of allFaces()) {
    for (const weight of [400, 700] as const) {
      // pdfkit takes a parsed fontkit font as well as bytes; its typings only list the bytes.
      doc.registerFont(fontName(face, weight), parsedFont(face, weight) as unknown as Buffer);
    }
  }
}
