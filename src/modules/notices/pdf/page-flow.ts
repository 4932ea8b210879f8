// The flow of the printed notice down A4 pages: a cursor, page breaks, and the few blocks the
// notice is made of (section titles, label/value rows, paragraphs). Everything mirrors for a
// right-to-left language: labels on the right, text aligned right, the photo on the left.
import { type Direction, drawLine, type Line, layoutText, type TextStyle } from './bidi-text.js';

export const PAGE = { width: 595.28, height: 841.89, margin: 40, footer: 44 } as const;

const LABEL_STYLE: TextStyle = { size: 8.5, color: '#555555' };
const VALUE_STYLE: TextStyle = { size: 10, color: '#000000' };
const LABEL_WIDTH = 150;
const GUTTER = 12;

/** Line height and baseline offset for a size: room for Arabic's tall and deep letters. */
export const lineHeight = (size: number) => size * 1.55;
const baselineOffset = (size: number) => size * 1.12;

export class PageFlow {
  y: number = PAGE.margin;
  /** Pages started so far (the first page counts as 1). */
  pageCount = 1;
  readonly left = PAGE.margin;
  readonly right = PAGE.width - PAGE.margin;
  readonly bottom = PAGE.height - PAGE.margin - PAGE.footer;
  /** A box (the photo) that text keeps clear of until the cursor passes its bottom. */
  private exclusion: { bottom: number; width: number } | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly dir: Direction,
    private readonly onNewPage: () => void,
  ) {}

  get align(): 'left' | 'right' {
    return this.dir === 'rtl' ? 'right' : 'left';
  }

  /** Keeps text clear of `width` points on the trailing side (right in LTR) down to `bottom`. */
  exclude(bottom: number, width: number): void {
    this.exclusion = { bottom, width };
  }

  /** The horizontal span text may use at the cursor. */
  span(): { x: number; width: number } {
    const full = this.right - this.left;
    if (!this.exclusion || this.y >= this.exclusion.bottom) return { x: this.left, width: full };
    const width = full - this.exclusion.width;
    return { x: this.dir === 'rtl' ? this.left + this.exclusion.width : this.left, width };
  }

  newPage(): void {
    this.doc.addPage();
    this.pageCount += 1;
    this.y = PAGE.margin;
    this.exclusion = undefined;
    this.onNewPage();
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Draws lines down from the cursor, breaking pages between lines. */
  lines(lines: Line[], x: number, width: number, style: TextStyle, align = this.align): void {
    const lh = lineHeight(style.size);
    for (const line of lines) {
      this.ensure(lh);
      drawLine(this.doc, line, x, this.y + baselineOffset(style.size), width, align, style);
      this.y += lh;
    }
  }

  layout(text: string, style: TextStyle, width: number, base: Direction | 'auto' = 'auto'): Line[] {
    return layoutText(this.doc, text, style, width, base);
  }

  sectionTitle(title: string, colour: string): void {
    const style: TextStyle = { size: 11.5, weight: 700, color: colour };
    this.y += 10;
    this.ensure(lineHeight(style.size) + 3 * lineHeight(VALUE_STYLE.size));
    const { x, width } = this.span();
    this.lines(this.layout(title, style, width, this.dir), x, width, style);
    this.doc
      .moveTo(x, this.y)
      .lineTo(x + width, this.y)
      .lineWidth(0.8)
      .strokeColor(colour)
      .stroke();
    this.y += 5;
  }

  subheading(text: string): void {
    const style: TextStyle = { size: 9.5, weight: 700, color: '#333333' };
    this.y += 3;
    this.ensure(lineHeight(style.size) + lineHeight(VALUE_STYLE.size));
    const { x, width } = this.span();
    this.lines(this.layout(text, style, width, this.dir), x, width, style);
  }

  /** A label and its value side by side; `valueBase` is the value's paragraph direction. */
  row(label: string, value: string, valueBase: Direction | 'auto' = 'auto'): void {
    const { x, width } = this.span();
    const valueWidth = width - LABEL_WIDTH - GUTTER;
    const labelX = this.dir === 'rtl' ? x + width - LABEL_WIDTH : x;
    const valueX = this.dir === 'rtl' ? x : x + LABEL_WIDTH + GUTTER;
    const labelLines = this.layout(label, LABEL_STYLE, LABEL_WIDTH, this.dir);
    const valueLines = this.layout(value, VALUE_STYLE, valueWidth, valueBase);
    const labelHeight = labelLines.length * lineHeight(LABEL_STYLE.size);
    const first = Math.min(valueLines.length, 3) * lineHeight(VALUE_STYLE.size);
    this.ensure(Math.max(labelHeight, first));
    const top = this.y;
    const page = this.pageCount;
    // The label sits on the value's first baseline.
    this.y = top + baselineOffset(VALUE_STYLE.size) - baselineOffset(LABEL_STYLE.size);
    this.lines(labelLines, labelX, LABEL_WIDTH, LABEL_STYLE);
    const labelBottom = this.y;
    this.y = top;
    this.lines(valueLines, valueX, valueWidth, VALUE_STYLE);
    this.y = (this.pageCount === page ? Math.max(this.y, labelBottom) : this.y) + 2;
  }

  paragraph(text: string): void {
    const { x, width } = this.span();
    this.lines(this.layout(text, VALUE_STYLE, width), x, width, VALUE_STYLE);
    this.y += 2;
  }
}
