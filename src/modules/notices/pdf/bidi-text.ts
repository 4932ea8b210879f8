// Lays out and draws text in any script, in either direction, on a pdfkit page. pdfkit shapes
// (through fontkit: Arabic letters take their joined forms) but neither picks a font per script
// nor orders mixed right-to-left and left-to-right text; drawn as is, Arabic words come out in
// reverse order. So a paragraph is cut here into atoms — one direction level (Unicode bidi
// algorithm, bidi-js), one font, and either a word part or a space — wrapped into lines, and
// each line's atoms are put in visual order (rule L2) before pdfkit draws them one by one.
import { createRequire } from 'node:module';
import { baseFont, fontFor, type Weight } from './fonts.js';

// bidi-js is a UMD bundle whose typings declare an ES default export; under NodeNext the two
// disagree, so it is required, typed by its declaration.
const bidiFactory = createRequire(import.meta.url)('bidi-js') as typeof import('bidi-js').default;
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
}

export interface Atom {
  /** Logical order (as stored). */
  text: string;
  /** What pdfkit is given: mirrored, and reversed when fontkit will not reverse it itself. */
  drawn: string;
  font: string;
  level: number;
  space: boolean;
  width: number;
}

export interface Line {
  /** Left to right, as drawn. */
  atoms: Atom[];
  width: number;
}

// fontkit reverses a run itself when the run's script is written right to left.
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const MARK = /^[\p{M}\u200c\u200d]$/u;
// Direction marks and isolates steer the bidi algorithm but have no glyph to draw.
const BIDI_CONTROL = /^[\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;

/**
 * Wraps a value put into a sentence (a date into "Printed {printedAt}", a number into an Arabic
 * phrase) in a first-strong isolate, so it keeps its own order: without it a date after an
 * Arabic word reads "01-03-2025".
 */
export const isolate = (value: string) => (value === '' ? value : `\u2068${value}\u2069`);
const SPACE = /^\s$/u;

function makeAtom(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  level: number,
  space: boolean,
  size: number,
): Atom {
  let drawn = text;
  if (level % 2 === 1) {
    drawn = Array.from(text, (ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
    if (!RTL_SCRIPT.test(drawn)) drawn = Array.from(drawn).reverse().join('');
  }
  const width = doc.font(font).fontSize(size).widthOfString(drawn);
  return { text, drawn, font, level, space, width };
}

/** Cuts one paragraph (no line breaks) into atoms, in logical order. */
export function atomize(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  base: Direction | 'auto',
): Atom[] {
  const weight = style.weight ?? 400;
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const atoms: Atom[] = [];
  let current: { text: string; font: string; level: number; space: boolean } | undefined;
  let index = 0;
  for (const ch of text) {
    const level = levels[index] ?? 0;
    index += ch.length;
    if (BIDI_CONTROL.test(ch)) continue;
    const space = SPACE.test(ch);
    const font =
      space || (MARK.test(ch) && current && !current.space)
        ? (current?.font ?? baseFont(weight))
        : fontFor(ch.codePointAt(0)!, weight);
    if (current && current.space === space && current.level === level && (space || current.font === font)) {
      current.text += ch;
      continue;
    }
    if (current)
      atoms.push(makeAtom(doc, current.text, current.font, current.level, current.space, style.size));
    current = { text: ch, font: space ? baseFont(weight) : font, level, space };
  }
  if (current)
    atoms.push(makeAtom(doc, current.text, current.font, current.level, current.space, style.size));
  return atoms;
}

/** Splits a word wider than the line into pieces that fit, character by character. */
function splitWord(doc: PDFKit.PDFDocument, word: Atom[], width: number, size: number): Atom[][] {
  const pieces: Atom[][] = [];
  let piece: Atom[] = [];
  let used = 0;
  for (const atom of word) {
    let rest = Array.from(atom.text);
    while (rest.length > 0) {
      let n = rest.length;
      let part = makeAtom(doc, rest.join(''), atom.font, atom.level, false, size);
      while (n > 1 && used + part.width > width) {
        n -= 1;
        part = makeAtom(doc, rest.slice(0, n).join(''), atom.font, atom.level, false, size);
      }
      if (used + part.width > width && piece.length > 0) {
        pieces.push(piece);
        piece = [];
        used = 0;
        continue;
      }
      piece.push(part);
      used += part.width;
      rest = rest.slice(n);
      if (rest.length > 0) {
        pieces.push(piece);
        piece = [];
        used = 0;
      }
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** Puts one line's atoms (logical order) in visual order: rule L2 of the bidi algorithm. */
export function visualOrder(atoms: Atom[]): Atom[] {
  const out = [...atoms];
  const levels = out.map((a) => a.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}

function finishLine(atoms: Atom[]): Line {
  let start = 0;
  let end = atoms.length;
  while (start < end && atoms[start]!.space) start++;
  while (end > start && atoms[end - 1]!.space) end--;
  const kept = visualOrder(atoms.slice(start, end));
  return { atoms: kept, width: kept.reduce((sum, a) => sum + a.width, 0) };
}

/**
 * Lays text out in lines no wider than `width`. Each "\n" starts a paragraph; a paragraph's
 * direction is `base`, or taken from its first strong letter when `base` is 'auto'.
 */
export function layoutText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  width: number,
  base: Direction | 'auto' = 'auto',
): Line[] {
  const lines: Line[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    const atoms = atomize(doc, paragraph, style, base);
    // Words: runs of atoms between spaces.
    const tokens: Atom[][] = [];
    for (const atom of atoms) {
      const last = tokens[tokens.length - 1];
      if (last && !atom.space && !last[0]!.space) last.push(atom);
      else tokens.push([atom]);
    }
    let line: Atom[] = [];
    let used = 0;
    let pendingSpace = 0;
    for (const token of tokens) {
      if (token[0]!.space) {
        if (line.length > 0) {
          line.push(...token);
          pendingSpace += token[0]!.width;
        }
        continue;
      }
      const tokenWidth = token.reduce((sum, a) => sum + a.width, 0);
      const pieces = tokenWidth > width ? splitWord(doc, token, width, style.size) : [token];
      for (const piece of pieces) {
        const pieceWidth = piece.reduce((sum, a) => sum + a.width, 0);
        if (line.length > 0 && used + pendingSpace + pieceWidth > width) {
          lines.push(finishLine(line));
          line = [];
          used = 0;
          pendingSpace = 0;
        }
        line.push(...piece);
        used += pendingSpace + pieceWidth;
        pendingSpace = 0;
      }
    }
    lines.push(finishLine(line));
  }
  return lines;
}

/** Draws one line with its baseline at `baseline`, aligned in the box [x, x + width]. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: Line,
  x: number,
  baseline: number,
  width: number,
  align: 'left' | 'right' | 'center',
  style: TextStyle,
): void {
  let at = align === 'left' ? x : align === 'right' ? x + width - line.width : x + (width - line.width) / 2;
  doc.fillColor(style.color ?? '#000000');
  for (const atom of line.atoms) {
    if (!atom.space) {
      doc.font(atom.font).fontSize(style.size).text(atom.drawn, at, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    }
    at += atom.width;
  }
}
