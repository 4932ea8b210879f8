// The printable notice: one A4 PDF per notice and language, for officers who print it at a
// border post or attach it to an extradition file. A band in the type's colour says what it is
// and under which control number; a notice not (yet) published says so across every page.
// Arabic prints right to left, shaped, with the layout mirrored.
import PDFDocument from 'pdfkit';
import type { Notice, NoticeType } from '../notice.types.js';
import { type Direction, drawLine, layoutText, type TextStyle } from './bidi-text.js';
import { registerFonts } from './fonts.js';
import { label, type PdfLanguage, statusName, typeName, typeTitle } from './labels.js';
import { noticeSections } from './notice-sections.js';
import { lineHeight, PAGE, PageFlow } from './page-flow.js';

export interface NoticePdfInput {
  notice: Notice;
  language: PdfLanguage;
  photo?: { bytes: Buffer; mediaType: 'image/jpeg' | 'image/png' };
  /** Already in the chosen language, e.g. "France" / "فرنسا". */
  requestingBureauName: string;
  /** ISO 3166 alpha-2 code → the country's name in the chosen language. */
  countryName: (code: string) => string;
  /** ISO time. */
  printedAt: string;
}

export const TYPE_COLOURS: Record<NoticeType, string> = {
  red: '#c8102e',
  yellow: '#f2c500',
  blue: '#0057b8',
  black: '#000000',
  green: '#2e7d32',
  orange: '#f57c00',
  purple: '#6a1b9a',
  silver: '#9e9e9e',
  un: '#009edb',
};

/** Light bands take dark text; section titles in a light colour would not read on white. */
const LIGHT_TYPES: ReadonlySet<NoticeType> = new Set(['yellow', 'silver']);

const PHOTO = { width: 110, height: 140, gap: 14 } as const;

/** "2025-01-15T09:30:12Z" → "2025-01-15 09:30 UTC"; anything else prints as given. */
export function formatPrintedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function renderNoticePdf(input: NoticePdfInput): Promise<Buffer> {
  const { notice, language: lang } = input;
  const title = notice.kind === 'diffusion' ? label(lang, 'diffusion') : typeTitle(lang, notice.type);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang,
    displayTitle: true,
    info: {
      Title: [title, notice.controlNumber ?? label(lang, 'notPublished')].join(' — '),
      Subject: notice.title,
      Creator: 'Meridian',
      Producer: 'Meridian',
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const dir: Direction = lang === 'ar' ? 'rtl' : 'ltr';
  const published = notice.status === 'published';
  const watermark = () => {
    if (!published) drawWatermark(doc, label(lang, 'notPublished'), dir);
  };
  const flow = new PageFlow(doc, dir, watermark);
  watermark();

  drawHeader(flow, input, title);
  drawPhoto(flow, input.photo);
  const accent = LIGHT_TYPES.has(notice.type) ? '#333333' : TYPE_COLOURS[notice.type];
  const heading = { size: 14, weight: 700 as const, color: '#000000' };
  const span = flow.span();
  flow.lines(flow.layout(notice.title, heading, span.width, 'auto'), span.x, span.width, heading);

  for (const section of noticeSections(
    notice,
    { lang, countryName: input.countryName },
    input.requestingBureauName,
  )) {
    flow.sectionTitle(section.title, accent);
    for (const row of section.rows) {
      if ('subheading' in row) flow.subheading(row.subheading);
      else if ('text' in row) flow.paragraph(row.text);
      else flow.row(row.label, row.value, row.composed ? dir : 'auto');
    }
  }

  drawFooters(doc, lang, dir, formatPrintedAt(input.printedAt));
  doc.end();
  return finished;
}

function drawHeader(flow: PageFlow, input: NoticePdfInput, title: string): void {
  const { doc, dir } = flow;
  const { notice, language: lang } = input;
  const colour = TYPE_COLOURS[notice.type];
  const ink = LIGHT_TYPES.has(notice.type) ? '#000000' : '#ffffff';
  const pad = 14;
  const sideWidth = 190;
  const width = flow.right - flow.left;
  const titleWidth = width - sideWidth - 3 * pad;
  const titleStyle: TextStyle = { size: 20, weight: 700, color: ink };
  const small: TextStyle = { size: 9, color: ink };
  const number: TextStyle = { size: 14, weight: 700, color: ink };

  const titleLines = layoutText(doc, title, titleStyle, titleWidth, dir);
  const subtitle =
    notice.kind === 'diffusion' ? `${label(lang, 'type')}: ${typeName(lang, notice.type)}` : undefined;
  const subtitleLines = subtitle ? layoutText(doc, subtitle, small, titleWidth, dir) : [];
  const side: { text: string; style: TextStyle }[] =
    notice.controlNumber && notice.status === 'published'
      ? [
          { text: label(lang, 'controlNumber'), style: small },
          { text: notice.controlNumber, style: number },
        ]
      : [{ text: label(lang, 'notPublished'), style: number }];
  side.push({ text: `${label(lang, 'status')}: ${statusName(lang, notice.status)}`, style: small });
  const sideLines = side.map((s) => ({
    lines: layoutText(doc, s.text, s.style, sideWidth, dir),
    style: s.style,
  }));

  const titleHeight =
    titleLines.length * lineHeight(titleStyle.size) + subtitleLines.length * lineHeight(small.size);
  const sideHeight = sideLines.reduce((h, s) => h + s.lines.length * lineHeight(s.style.size), 0);
  const height = Math.max(titleHeight, sideHeight) + 2 * pad;
  const top = flow.y;
  doc.rect(flow.left, top, width, height).fill(colour);

  // Title on the leading side, control number and status on the trailing side.
  const titleX = dir === 'rtl' ? flow.right - pad - titleWidth : flow.left + pad;
  const sideX = dir === 'rtl' ? flow.left + pad : flow.right - pad - sideWidth;
  const sideAlign = dir === 'rtl' ? 'left' : 'right';
  flow.y = top + pad + (height - 2 * pad - titleHeight) / 2;
  flow.lines(titleLines, titleX, titleWidth, titleStyle);
  flow.lines(subtitleLines, titleX, titleWidth, small);
  flow.y = top + pad + (height - 2 * pad - sideHeight) / 2;
  for (const s of sideLines) flow.lines(s.lines, sideX, sideWidth, s.style, sideAlign);
  flow.y = top + height + 12;
}

function drawPhoto(flow: PageFlow, photo: NoticePdfInput['photo']): void {
  if (!photo) return;
  const { doc } = flow;
  const x = flow.dir === 'rtl' ? flow.left : flow.right - PHOTO.width;
  const y = flow.y;
  try {
    doc.image(photo.bytes, x, y, { fit: [PHOTO.width, PHOTO.height], align: 'center', valign: 'center' });
  } catch {
    // An unreadable photo leaves its frame empty rather than stopping the print.
  }
  doc.rect(x, y, PHOTO.width, PHOTO.height).lineWidth(0.5).strokeColor('#999999').stroke();
  flow.exclude(y + PHOTO.height + 6, PHOTO.width + PHOTO.gap);
}

function drawWatermark(doc: PDFKit.PDFDocument, text: string, dir: Direction): void {
  const style: TextStyle = { size: 64, weight: 700, color: '#e6e6e6' };
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  const [line] = layoutText(doc, text, style, PAGE.width * 1.2, dir);
  if (!line) return;
  doc.save();
  doc.rotate(-40, { origin: [cx, cy] });
  drawLine(doc, line, cx - line.width / 2, cy + style.size * 0.35, line.width, 'left', style);
  doc.restore();
}

function drawFooters(doc: PDFKit.PDFDocument, lang: PdfLanguage, dir: Direction, printedAt: string): void {
  const style: TextStyle = { size: 7.5, color: '#555555' };
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const y = PAGE.height - PAGE.margin - 14;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    const footer = layoutText(doc, label(lang, 'footer', { printedAt }), style, width - 90, dir)[0];
    const page = layoutText(doc, label(lang, 'page', { n: i - start + 1, total: count }), style, 90, dir)[0];
    const baseline = y + style.size;
    if (footer) drawLine(doc, footer, left, baseline, width, dir === 'rtl' ? 'right' : 'left', style);
    if (page) drawLine(doc, page, left, baseline, width, dir === 'rtl' ? 'left' : 'right', style);
  }
}
