// The notice a debtor gets by email: subject, plain text and HTML from one statement of
// account. Pure: no database, no network, the same statement always gives the same email.

import Mustache from 'mustache';
import { formatMoney } from '../domain/money.js';
import { t, type MessageKey } from '../slack/i18n/index.js';
import { fileNamePart } from '../domain/plain-text.js';
import type { NoticeEmail, NoticeTone, Statement } from './statement.js';
import { COLUMNS, RIGHT_ALIGNED, statementHeadings, statementRows, type Column } from './statement-rows.js';
import { NOTICE_HTML, NOTICE_TEXT } from './templates.js';

const SUBJECT: Record<NoticeTone, MessageKey> = {
  before_due: 'noticeEmail.subjectBeforeDue',
  overdue: 'noticeEmail.subjectOverdue',
  firm: 'noticeEmail.subjectFirm',
};

const INTRO: Record<NoticeTone, MessageKey> = {
  before_due: 'noticeEmail.introBeforeDue',
  overdue: 'noticeEmail.introOverdue',
  firm: 'noticeEmail.introFirm',
};

/** Width of the plain-text paragraphs, as mail clients traditionally wrap. */
const TEXT_WIDTH = 76;

/** The text part is not HTML: values go in as they are. */
const PLAIN = { escape: (value: unknown): string => String(value) };

/** Breaks a paragraph into lines of at most `width` characters, at spaces. */
function wrap(paragraph: string, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Lines of the payment instructions as written, each wrapped; blank lines kept. */
function wrapLines(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => (line.trim() === '' ? [''] : wrap(line)));
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The invoice table of the text part: columns padded to their widest cell, a rule, the total. */
function textTable(cells: Record<Column, string>[], headings: Record<Column, string>, totalLabel: string, total: string): string[] {
  const widths = Object.fromEntries(
    COLUMNS.map((column) => [column, Math.max(headings[column].length, ...cells.map((row) => row[column].length))]),
  ) as Record<Column, number>;
  widths.open = Math.max(widths.open, total.length);
  const line = (row: Record<Column, string>) =>
    COLUMNS.map((column) => pad(row[column], widths[column], RIGHT_ALIGNED.has(column))).join('  ').trimEnd();
  const rule = COLUMNS.map((column) => '-'.repeat(widths[column])).join('  ');
  // The total sits under the open amounts, its label spanning the columns before them.
  const openAt = COLUMNS.slice(0, COLUMNS.indexOf('open')).reduce((sum, column) => sum + widths[column] + 2, 0);
  const totalLine = `${totalLabel}:`.padEnd(Math.max(openAt, totalLabel.length + 2)) + total.padStart(widths.open);
  return [line(headings), rule, ...cells.map(line), rule, totalLine];
}

/** The external id as part of a file name (`cliente` when nothing of it is left). */
export const fileSafe = (text: string): string => fileNamePart(text, 'cliente');

/** `estado-de-cuenta-<external_id>-<date>.pdf`, the external id made file-name safe. */
export function statementFileName(statement: Statement): string {
  return `estado-de-cuenta-${fileSafe(statement.debtor.externalId)}-${statement.date}.pdf`;
}

/** The consolidated notice for one debtor and currency, in the statement's language and the step's tone. */
export function noticeEmail(statement: Statement, tone: NoticeTone): NoticeEmail {
  const { locale, currency } = statement;
  const subject = t(locale, SUBJECT[tone]);
  const recipient = statement.recipient.name.trim();
  const greeting = recipient === '' ? t(locale, 'noticeEmail.greetingNoName') : t(locale, 'noticeEmail.greeting', { name: recipient });
  const intro = t(locale, INTRO[tone], {
    debtor: statement.debtor.name,
    company: statement.companyName,
    collector: statement.collector.name,
    email: statement.collector.email,
  });
  const headings = statementHeadings(locale);
  const rows = statementRows(statement);
  const totalLabel = t(locale, 'noticeEmail.total');
  const total = formatMoney(statement.totalOpen, currency, locale);
  const instructions = statement.paymentInstructions.trim();
  const common = {
    subject,
    greeting,
    totalLabel,
    total,
    hasInstructions: instructions !== '',
    instructionsTitle: t(locale, 'noticeEmail.paymentInstructions'),
    alreadyPaid: t(locale, 'noticeEmail.alreadyPaid'),
    closing: t(locale, 'noticeEmail.closing'),
    collectorName: statement.collector.name,
    collectorEmail: statement.collector.email,
    companyName: statement.companyName,
  };

  const text = Mustache.render(
    NOTICE_TEXT,
    {
      ...common,
      intro: wrap(intro),
      table: textTable(rows, headings, totalLabel, total),
      instructions: wrapLines(instructions),
    },
    undefined,
    PLAIN,
  );
  const html = Mustache.render(NOTICE_HTML, {
    ...common,
    lang: locale,
    introText: intro,
    instructionsText: instructions,
    headings: COLUMNS.map((column) => ({ text: headings[column], right: RIGHT_ALIGNED.has(column) })),
    rows,
  });
  return { subject, text, html, attachmentName: statementFileName(statement) };
}
