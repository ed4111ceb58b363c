// The statement of account as a PDF, attached to a debtor's notice. Pure and deterministic:
// the same statement gives the same bytes (dates stamped from the statement, not the clock),
// so a retried email carries the very same attachment.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatMoney } from '../domain/money.js';
import { packageDir } from '../package-dir.js';
import { t } from '../slack/i18n/index.js';
import type { Statement } from './statement.js';
import { COLUMNS, RIGHT_ALIGNED, statementDate, statementHeadings, statementRows, type Column } from './statement-rows.js';

const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

/**
 * A font as pdfkit takes it: the file's bytes, or (what pdfkit accepts as well, though its
 * types do not say so) a font already parsed by its fontkit.
 */
type FontSource = Buffer | { layout: (...args: never[]) => unknown };

interface Fonts {
  regular: FontSource;
  bold: FontSource;
}

/**
 * The font pdfkit parsed from `bytes`. Parsing DejaVu's tables costs far more than laying out
 * a statement (about 20 ms a font), so it is done once per process and every document shares
 * the parsed font; each still embeds its own subset. Should a pdfkit version keep the parsed
 * font elsewhere, the bytes are used as they are: slower, the same output.
 */
function parsedFont(bytes: Buffer): FontSource {
  const probe = new PDFDocument({ autoFirstPage: false, font: bytes as unknown as string });
  const font = (probe as unknown as { _font?: { font?: unknown } })._font?.font;
  const parsed = typeof font === 'object' && font !== null && typeof (font as { layout?: unknown }).layout === 'function';
  return parsed ? (font as FontSource) : bytes;
}

// Read and parsed once per process: a notices run renders hundreds of statements.
let fonts: Fonts | undefined;
function loadFonts(): Fonts {
  fonts ??= {
    regular: parsedFont(readFileSync(join(packageDir, 'assets/fonts/DejaVuSans.ttf'))),
    bold: parsedFont(readFileSync(join(packageDir, 'assets/fonts/DejaVuSans-Bold.ttf'))),
  };
  return fonts;
}

// A4 in points, and the frame every page keeps.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 50;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Lowest y a table row may reach; below it sits the page number. */
const BOTTOM = PAGE_HEIGHT - MARGIN - 20;

const TABLE_FONT_SIZE = 8.5;
const ROW_HEIGHT = 16;
const CELL_PADDING = 4;
/** Column widths in points; they add up to CONTENT_WIDTH. */
const WIDTH: Record<Column, number> = {
  number: 85.28,
  issueDate: 68,
  dueDate: 68,
  amount: 98,
  open: 98,
  daysOverdue: 78,
};
const X: Record<Column, number> = (() => {
  let x = MARGIN;
  const out = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    out[column] = x;
    x += WIDTH[column];
  }
  return out;
})();

const GREY = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#eeeeee';
const OVERDUE = '#b00020';

type Doc = PDFKit.PDFDocument;

/** Smallest size a cell shrinks to before it is cut. */
const MIN_FONT_SIZE = 6.5;

/**
 * Writes `text` in a box of `width` on one line: at the table's size if it fits, else smaller
 * (an amount is never cut), else, at the smallest size, cut with an ellipsis.
 */
function cellText(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
  let size = TABLE_FONT_SIZE;
  doc.fontSize(size);
  while (size > MIN_FONT_SIZE && doc.widthOfString(text) > width) doc.fontSize((size -= 0.5));
  let shown = text;
  if (doc.widthOfString(shown) > width) {
    while (shown.length > 1 && doc.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1);
    shown = `${shown}…`;
  }
  doc.text(shown, x, y + (TABLE_FONT_SIZE - size) / 2, { width, align, lineBreak: false });
  doc.fontSize(TABLE_FONT_SIZE);
}

/** One line of cells at `y`, each fitted to its column. */
function tableLine(doc: Doc, cells: Record<Column, string>, y: number, colors: Partial<Record<Column, string>> = {}): void {
  for (const column of COLUMNS) {
    doc.fillColor(colors[column] ?? 'black');
    const align = RIGHT_ALIGNED.has(column) ? 'right' : 'left';
    cellText(doc, cells[column], X[column] + CELL_PADDING, y + 4, WIDTH[column] - 2 * CELL_PADDING, align);
  }
  doc.fillColor('black');
}

function tableHeader(doc: Doc, headings: Record<Column, string>, y: number): number {
  doc.rect(MARGIN, y, CONTENT_WIDTH, ROW_HEIGHT).fill(HEADER_FILL);
  doc.font(BOLD).fontSize(TABLE_FONT_SIZE);
  tableLine(doc, headings, y);
  doc.font(REGULAR);
  return y + ROW_HEIGHT;
}

function rule(doc: Doc, y: number, color = RULE): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke();
}

/** A "Label: value" line of the heading block. */
function field(doc: Doc, label: string, value: string): void {
  doc.font(BOLD).text(`${label}: `, { continued: true }).font(REGULAR).text(value);
}

/** The statement of account of one debtor in one currency, as PDF bytes (A4, DejaVu Sans). */
export function statementPdf(statement: Statement): Promise<Buffer> {
  const { locale, currency } = statement;
  const { regular, bold } = loadFonts();
  // The statement's day at noon UTC: the same instant wherever the process runs.
  const stamp = new Date(`${statement.date}T12:00:00Z`);
  const title = t(locale, 'noticeEmail.pdfTitle');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // DejaVu from the start: pdfkit's default (Helvetica) would be parsed for nothing.
    font: regular as unknown as string,
    bufferPages: true,
    lang: locale,
    info: {
      Title: `${title} — ${statement.debtor.name}`,
      Author: statement.companyName,
      Producer: 'Cobranza',
      Creator: 'Cobranza',
      // pdfkit would stamp the clock here, and derive the trailer's file ID from it.
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  doc.registerFont(REGULAR, regular as unknown as Buffer);
  doc.registerFont(BOLD, bold as unknown as Buffer);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Heading: who sends it, what it is, for whom.
  doc.font(BOLD).fontSize(11).fillColor(GREY).text(statement.companyName, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  doc.fillColor('black').fontSize(18).text(title, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  doc.fontSize(10);
  field(doc, t(locale, 'noticeEmail.pdfDebtor'), statement.debtor.name);
  field(doc, t(locale, 'noticeEmail.pdfExternalId'), statement.debtor.externalId);
  if (statement.debtor.taxId.trim() !== '') field(doc, statement.debtor.taxIdLabel, statement.debtor.taxId);
  field(doc, t(locale, 'noticeEmail.pdfDate'), statementDate(statement.date, locale));
  field(doc, t(locale, 'noticeEmail.pdfCurrency'), currency);
  doc.moveDown(1);

  // The invoices, the header repeated on every page the table reaches.
  const headings = statementHeadings(locale);
  let y = tableHeader(doc, headings, doc.y);
  doc.fontSize(TABLE_FONT_SIZE);
  for (const row of statementRows(statement)) {
    if (y + ROW_HEIGHT > BOTTOM) {
      doc.addPage();
      y = tableHeader(doc, headings, MARGIN);
    }
    tableLine(doc, row, y, row.overdue ? { daysOverdue: OVERDUE } : {});
    y += ROW_HEIGHT;
    rule(doc, y);
  }
  if (y + ROW_HEIGHT + 4 > BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  rule(doc, y + 1, 'black');
  doc.font(BOLD).fontSize(10);
  const total = formatMoney(statement.totalOpen, currency, locale);
  const totalLabel = t(locale, 'noticeEmail.total');
  doc.text(totalLabel, MARGIN + CELL_PADDING, y + 5, { width: X.open - MARGIN - 2 * CELL_PADDING, lineBreak: false });
  doc.text(total, MARGIN, y + 5, { width: X.daysOverdue - MARGIN - CELL_PADDING, align: 'right', lineBreak: false });
  doc.font(REGULAR);
  doc.x = MARGIN;
  doc.y = y + ROW_HEIGHT + 14;

  // Payment instructions and whom to talk to; pdfkit flows them onto a new page if needed.
  const instructions = statement.paymentInstructions.trim();
  if (instructions !== '') {
    doc.font(BOLD).fontSize(10).text(t(locale, 'noticeEmail.paymentInstructions'), { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
    doc.font(REGULAR).text(instructions, { width: CONTENT_WIDTH });
    doc.moveDown(1);
  }
  doc.font(BOLD).fontSize(10).text(t(locale, 'noticeEmail.pdfCollector'), { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  doc.font(REGULAR).text(`${statement.collector.name} <${statement.collector.email}>`, { width: CONTENT_WIDTH });

  // Page numbers, written below the bottom margin (lifted so pdfkit adds no page for them).
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(GREY)
      .text(t(locale, 'noticeEmail.pdfPage', { page: page - start + 1, pages: count }), MARGIN, PAGE_HEIGHT - MARGIN, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
