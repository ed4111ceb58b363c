import { CsvError, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** What `importStream` reads: a file stream, or any (async) iterable of text or bytes. */
export type CsvSource = NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

/** Records read so far, each with the line it starts on (the header is line 1). */
export class CsvBatch {
  constructor(
    readonly lines: number[],
    /** Records without quotes, as written: fields are the pieces between separators. */
    private readonly texts: string[] | null,
    private readonly parsed: string[][] | null,
    /** Only a CRLF file can hold a bare LF inside an unquoted field. */
    private readonly innerBreaks = false,
    /** The file's field separator. */
    readonly separator: FieldSeparator = ',',
  ) {}

  get size(): number {
    return this.lines.length;
  }

  /** Record `i` as written, when it is plain (no quotes, no line breaks); otherwise undefined. */
  text(i: number): string | undefined {
    const text = this.texts?.[i];
    return this.innerBreaks && text?.includes('\n') ? undefined : text;
  }

  fields(i: number): string[] {
    return this.texts ? this.texts[i]!.split(this.separator) : this.parsed![i]!;
  }
}

/** What is wrong, for the messages of the import (see `importProblem` in the catalogs). */
export type CsvSyntaxReason = 'quoteNotClosed' | 'quoteInField' | 'recordTooLong' | 'textAfterQuote';

/**
 * A file that is not well-formed CSV; reading stops there. `reason` names the usual faults;
 * others have only the parser's (English) message.
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly reason?: CsvSyntaxReason,
  ) {
    super(message);
  }
}

// A record longer than this is a broken file (typically an unclosed quote swallowing the
// rest of it), not data: stop before it fills memory.
const MAX_RECORD_CHARS = 1024 * 1024;
const BATCH_CHARS = 64 * 1024;

type Delimiter = '\n' | '\r\n' | '\r';
export type FieldSeparator = ',' | ';';

/** How a file was written, as found while reading it. */
export interface CsvDialect {
  separator: FieldSeparator;
  /** `windows-1252` once a byte sequence turned out not to be UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
}

/**
 * The field separator, from the header line: a semicolon when it holds more semicolons than
 * commas (Excel writes `;` where the decimal mark is a comma).
 */
function detectSeparator(header: string): FieldSeparator {
  let commas = 0;
  let semicolons = 0;
  let inside = false;
  for (let at = 0; at < header.length; at++) {
    const c = header.charCodeAt(at);
    if (c === 0x22) inside = !inside;
    else if (inside) continue;
    else if (c === 0x0a || c === 0x0d) break;
    else if (c === 0x2c) commas++;
    else if (c === 0x3b) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Where the last complete UTF-8 sequence of `bytes` ends: a chunk may cut one in two. */
function completeUtf8End(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const b = bytes[length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (b < 0xc0) return length;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return needed > back ? length - back : length;
  }
  return length;
}

/**
 * UTF-8 until a byte sequence is not; from there on the bytes are read as Windows-1252, the
 * encoding Excel and most Latin American ERPs export in. A Windows-1252 file is rarely valid
 * UTF-8 for long: its first accented letter gives it away.
 */
class ExportDecoder {
  encoding: CsvDialect['encoding'] = 'utf-8';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly cp1252 = new TextDecoder('windows-1252');
  private carry: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (this.encoding === 'windows-1252') return this.cp1252.decode(bytes);
    const end = completeUtf8End(bytes);
    try {
      const text = this.utf8.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
      if (end < bytes.length) this.carry = bytes.slice(end);
      return text;
    } catch {
      this.encoding = 'windows-1252';
      return this.cp1252.decode(bytes);
    }
  }

  /** The bytes of a sequence cut short by the end of the file. */
  end(): string {
    const carry = this.carry;
    this.carry = undefined;
    if (!carry) return '';
    this.encoding = 'windows-1252';
    return this.cp1252.decode(carry);
  }
}

/** The record delimiter, found the way csv-parse finds it: the first line ending outside quotes. */
function detectDelimiter(text: string): Delimiter | undefined {
  let inside = false;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x22) inside = !inside;
    else if (inside) continue;
    else if (c === 0x0a) return '\n';
    else if (c === 0x0d) {
      // A CR at the very end of the text so far: the next character decides.
      if (at + 1 === text.length) return undefined;
      return text.charCodeAt(at + 1) === 0x0a ? '\r\n' : '\r';
    }
  }
  return undefined;
}

/**
 * Where the complete records of `text` end: just after the last record delimiter that is
 * outside quotes (0 when there is none). Quotes are counted, so a doubled quote ("") inside
 * a quoted field leaves the count where it was.
 */
function completeRecordsEnd(text: string, delimiter: Delimiter): number {
  let end = 0;
  let from = 0;
  let inside = false;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (!inside) {
      const regionEnd = quote === -1 ? text.length : quote;
      const at = text.lastIndexOf(delimiter, regionEnd - delimiter.length);
      if (at >= from) end = at + delimiter.length;
    }
    if (quote === -1) return end;
    inside = !inside;
    from = quote + 1;
  }
}

const SYNTAX_MESSAGES: Readonly<Record<CsvSyntaxReason, string>> = {
  quoteNotClosed: 'a quoted field is never closed (an unmatched " before the end of the file)',
  quoteInField: 'a quote inside an unquoted field (quote the whole field and double the quotes inside it)',
  recordTooLong: 'a record longer than 1 MB (probably an unclosed quote)',
  textAfterQuote: 'text after the closing quote of a field (double the quotes inside a quoted field)',
};

function syntaxReason(error: CsvError): CsvSyntaxReason | undefined {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'quoteNotClosed';
    case 'INVALID_OPENING_QUOTE':
      return 'quoteInField';
    case 'CSV_MAX_RECORD_SIZE':
      return 'recordTooLong';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'textAfterQuote';
    default:
      return undefined;
  }
}

function syntaxError(line: number, reason: CsvSyntaxReason | undefined, message: string): CsvSyntaxError {
  return new CsvSyntaxError(line, reason ? SYNTAX_MESSAGES[reason] : message, reason);
}

/** The line of the quote that opens a field never closed in `text`. */
function unclosedQuoteLine(text: string, firstLine: number): number {
  let inside = false;
  let opened = -1;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    inside = !inside;
    if (inside) opened = at;
  }
  return firstLine + (opened === -1 ? 0 : text.slice(0, opened).split('\n').length - 1);
}

/**
 * Cuts complete records into batches, keeping the delimiter (once known) and the line the
 * next record starts on across the chunks of a stream.
 */
class RecordBatcher {
  delimiter: Delimiter | undefined;
  separator: FieldSeparator | undefined;
  nextLine = 1;

  /**
   * Text with quotes goes through csv-parse; quote-free text is cut in small batches: records
   * handed on soon die young, which keeps the garbage collector's work on a large file small.
   */
  *batches(text: string): Generator<CsvBatch> {
    if (text.includes('"')) {
      const batch = this.parsed(text);
      if (batch.size > 0) yield batch;
      return;
    }
    const d = this.delimiter ?? '\n';
    for (let start = 0; start < text.length; ) {
      const next = start + BATCH_CHARS < text.length ? text.indexOf(d, start + BATCH_CHARS) : -1;
      const cut = next === -1 ? text.length : next + d.length;
      const batch = this.split(text.slice(start, cut));
      start = cut;
      if (batch.size > 0) yield batch;
    }
  }

  /** Quote-free text: records are the pieces between delimiters, fields the pieces between separators. */
  private split(text: string): CsvBatch {
    const records: string[] = [];
    const lines: number[] = [];
    const d = this.delimiter ?? '\n';
    // Only a CRLF file can hold a bare LF inside an unquoted field.
    const innerBreaks = d === '\r\n';
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf(d, start);
      if (end === -1) end = text.length;
      const row = text.slice(start, end);
      start = end + d.length;
      const line = this.nextLine;
      this.nextLine += 1;
      if (innerBreaks && row.includes('\n')) this.nextLine += row.split('\n').length - 1;
      if (row === '') continue; // a blank line
      records.push(row);
      lines.push(line);
    }
    return new CsvBatch(lines, records, null, innerBreaks, this.separator);
  }

  /** Text with quotes, through csv-parse; a syntax error names the line it is on. */
  parsed(text: string): CsvBatch {
    const rows = this.parse(text);
    const records: string[][] = [];
    const lines: number[] = [];
    const breakChar = this.delimiter === '\r' ? '\r' : '\n';
    for (const record of rows) {
      const line = this.nextLine;
      this.nextLine += 1;
      for (const field of record) {
        if (field.includes(breakChar)) this.nextLine += field.split(breakChar).length - 1;
      }
      if (record.length === 1 && record[0] === '') continue; // a blank line
      records.push(record);
      lines.push(line);
    }
    return new CsvBatch(lines, null, records, false, this.separator);
  }

  private parse(text: string): string[][] {
    const firstLine = this.nextLine;
    try {
      const options: Options = {
        relax_column_count: true,
        skip_empty_lines: false,
        record_delimiter: this.delimiter ?? '\n',
        delimiter: this.separator ?? ',',
        max_record_size: MAX_RECORD_CHARS,
      };
      return parse(text, options);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line =
        error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE'
          ? unclosedQuoteLine(text, firstLine)
          : firstLine + (typeof error.lines === 'number' ? error.lines - 1 : 0);
      throw syntaxError(line, syntaxReason(error), error.message);
    }
  }
}

/**
 * Streams CSV records in batches, each record with the line it starts on. Fields are
 * separated by commas or semicolons (whichever the header line uses). Quoted fields may hold
 * separators, quotes and line breaks; a UTF-8 byte order mark is dropped; a file that is not
 * UTF-8 is read as Windows-1252 (`dialect` says which). Blank lines (and a record of one
 * empty field, which reads the same) are skipped but counted. Reading pauses while the
 * consumer is busy (backpressure).
 *
 * Text with quotes goes through csv-parse. A stretch of complete records without any quote
 * can only be fields separated by the separator and records by the delimiter, so it is split
 * directly: the same records csv-parse gives, without its per-character work on a large ERP export.
 */
export async function* readCsv(source: CsvSource, dialect: CsvDialect = { separator: ',', encoding: 'utf-8' }): AsyncGenerator<CsvBatch> {
  const decoder = new ExportDecoder();
  const records = new RecordBatcher();
  let pending = '';
  let started = false;
  for await (const chunk of source as AsyncIterable<Buffer | Uint8Array | string>) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk);
    dialect.encoding = decoder.encoding;
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    pending += text;
    records.delimiter ??= detectDelimiter(pending);
    const end = records.delimiter ? completeRecordsEnd(pending, records.delimiter) : 0;
    if (end === 0) {
      if (pending.length > MAX_RECORD_CHARS) {
        // Let the parser say what is wrong (a stray or unclosed quote) and where.
        records.parsed(pending);
        throw syntaxError(records.nextLine, 'recordTooLong', '');
      }
      continue;
    }
    records.separator ??= dialect.separator = detectSeparator(pending);
    const complete = pending.slice(0, end);
    pending = pending.slice(end);
    yield* records.batches(complete);
  }
  pending += decoder.end();
  dialect.encoding = decoder.encoding;
  if (pending.length > 0) {
    records.delimiter ??= detectDelimiter(`${pending}\n`);
    records.separator ??= dialect.separator = detectSeparator(pending);
    yield* records.batches(pending);
  }
}
