import { isIsoDate } from '../../domain/calendar.js';
import { isCurrency, parseAmount, type ParseAmountResult } from '../../domain/money.js';
import { dateFormatHint, dateShape, decimalCommaToPoint, decimalSeparatorHint, slashDateToIso, withoutThousandsCommas, type CsvPolicy } from './dialect-values.js';
import type { ProblemList } from './errors.js';
import { valueAliases } from './value-aliases.js';

// eslint-disable-next-line no-control-regex
const BAD_TEXT = /[\u0000\uFFFD]/;
const KNOWN_DATES = 100_000;
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2999-12-31';

/**
 * Reads the cells of one record (already in the kind's column order) and reports what is
 * wrong with them. Values are trimmed: ERP exports pad cells more often than they mean it.
 * Dates and amounts are read as the policy's `csv` settings say; the default reads them
 * without any conversion.
 */
export class Cells {
  fields: readonly string[] = [];
  line = 0;
  /** False once any cell of the current record has a problem. */
  ok = true;
  // An export spans a few thousand distinct dates over a million rows: check each once.
  private readonly goodDates = new Map<string, string>();
  private lastCurrency: [raw: string | undefined, code: string] = [undefined, ''];
  private lastAmount: { text: string; currency: string; parsed: ParseAmountResult | undefined } = { text: '', currency: '', parsed: undefined };

  constructor(
    private readonly columns: readonly string[],
    private readonly problems: ProblemList,
    private readonly csv: CsvPolicy = { decimalSeparator: '.', dateFormat: 'YYYY-MM-DD' },
  ) {
    this.parseAmount = csv.decimalSeparator === '.' ? (text, currency) => this.pointAmount(text, currency) : (text, currency) => this.commaAmount(text, currency);
  }

  start(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
    this.ok = true;
  }

  problem(col: number, message: string): void {
    this.ok = false;
    this.problems.add({ line: this.line, column: this.columns[col], message });
  }

  /** Free text; `required` refuses an empty cell. */
  text(col: number, required = false): string {
    const value = this.fields[col]!.trim();
    if (required && value === '') this.problem(col, 'is empty');
    // A U+FFFD is text that was mis-decoded before it reached us (the reader itself falls back
    // to Windows-1252), and PostgreSQL refuses NUL characters in text.
    else if (BAD_TEXT.test(value)) {
      this.problem(col, value.includes('\0') ? 'contains a NUL character' : 'has characters that are not UTF-8 (export the file as UTF-8)');
    }
    return value;
  }

  /**
   * A strict calendar date (YYYY-MM-DD, or as `csv.dateFormat` says), a day that exists, in
   * a plausible year, as YYYY-MM-DD. '' when not.
   */
  date(col: number): string {
    const text = this.fields[col]!.trim();
    const known = this.goodDates.get(text);
    if (known !== undefined) return known;
    const { dateFormat } = this.csv;
    const value = dateFormat === 'YYYY-MM-DD' ? text : slashDateToIso(text, dateFormat);
    if (!isIsoDate(value)) {
      const shape = dateShape(dateFormat);
      this.problem(col, text === '' ? `is empty (expected a date, ${shape})` : `"${text}" is not a date (${shape})${dateFormatHint(text, dateFormat)}`);
      return '';
    }
    // A typo such as 0226-03-01 is a real date to the calendar, but not to an ERP.
    if (value < MIN_DATE || value > MAX_DATE) {
      this.problem(col, `"${value}" is out of range (${MIN_DATE} to ${MAX_DATE})`);
      return '';
    }
    if (this.goodDates.size < KNOWN_DATES) this.goodDates.set(text, value);
    return value;
  }

  /**
   * One of a fixed list, in any case or in Spanish (see value-aliases.ts); an empty cell
   * gives `fallback` when there is one.
   */
  oneOf<T extends string>(col: number, values: readonly T[], fallback?: T): T {
    const value = this.fields[col]!.trim();
    if (value === '' && fallback !== undefined) return fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    const alias = valueAliases(values).get(value.toLowerCase());
    if (alias !== undefined) return alias;
    this.problem(col, value === '' ? `is empty (expected one of ${values.join(', ')})` : `"${value}" is not one of ${values.join(', ')}`);
    return value as T;
  }

  /** An integer between `min` and `max`. */
  integer(col: number, min: number, max: number, what: string): number {
    const value = this.fields[col]!.trim();
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) this.problem(col, `"${value}" is not ${what} (${min} to ${max})`);
    return n;
  }

  /** An ISO 4217 code, upper-cased; empty gives the policy's currency. Undefined when unknown. */
  currency(col: number, fallback: string): string | undefined {
    const raw = this.fields[col]!;
    // Exports repeat one or two codes a million times.
    if (raw === this.lastCurrency[0]) return this.lastCurrency[1];
    const value = raw.trim().toUpperCase();
    if (value === '') return (this.lastCurrency = [raw, fallback])[1];
    if (!/^[A-Z]{3}$/.test(value) || !isCurrency(value)) {
      this.problem(col, `"${raw.trim()}" is not a known currency (ISO 4217 code, e.g. MXN)`);
      return undefined;
    }
    return (this.lastCurrency = [raw, value])[1];
  }

  /** A decimal amount in minor units of `currency`: at least zero, or above zero when `positive`. */
  amount(col: number, currency: string | undefined, positive: boolean): number {
    const text = this.fields[col]!.trim();
    if (text === '') {
      this.problem(col, 'is empty (expected an amount such as 1234.50)');
      return 0;
    }
    if (currency === undefined) {
      // The currency was refused, so the decimals cannot be judged: check the shape only.
      const shaped = this.parseAmount(text, 'MXN');
      if (!shaped.ok && !/decimals for/.test(shaped.reason)) this.problem(col, shaped.reason);
      return 0;
    }
    // An open amount usually repeats the amount just read: parse that text once.
    let parsed = this.lastAmount.text === text && this.lastAmount.currency === currency ? this.lastAmount.parsed : undefined;
    if (!parsed) {
      parsed = this.parseAmount(text, currency);
      this.lastAmount = { text, currency, parsed };
    }
    if (!parsed.ok) {
      this.problem(col, parsed.reason);
      return 0;
    }
    if (parsed.minor < 0) this.problem(col, `"${text}" is negative`);
    else if (positive && parsed.minor === 0) this.problem(col, `"${text}" must be greater than zero`);
    return parsed.minor;
  }

  /**
   * `text` in minor units, read with the policy's decimal separator; chosen once per file so
   * that the default reads an amount as it always did, and looks further only when that fails.
   */
  private readonly parseAmount: (text: string, currency: string) => ParseAmountResult;

  private pointAmount(text: string, currency: string): ParseAmountResult {
    const parsed = parseAmount(text, currency);
    if (parsed.ok) return parsed;
    const plain = withoutThousandsCommas(text);
    return plain !== undefined ? parseAmount(plain, currency) : this.notAmount(text, parsed);
  }

  private commaAmount(text: string, currency: string): ParseAmountResult {
    const point = decimalCommaToPoint(text);
    return point === undefined ? this.notAmount(text, undefined) : this.inTermsOf(text, point, parseAmount(point, currency));
  }

  /** A decimal-comma reading in the words of the text as written. */
  private inTermsOf(text: string, point: string, parsed: ParseAmountResult): ParseAmountResult {
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason.replace(`"${point}"`, `"${text}"`) };
  }

  /** Why `text` is no amount: its shape, or (`parsed`) what the reading found wrong with it. */
  private notAmount(text: string, parsed: ParseAmountResult | undefined): ParseAmountResult {
    if (parsed && !parsed.ok && !parsed.reason.includes('not a decimal amount')) return parsed;
    const { decimalSeparator } = this.csv;
    const example = decimalSeparator === '.' ? 'digits and a decimal point, e.g. 1234.50' : 'digits and a decimal comma, e.g. 1.234,50';
    return { ok: false, reason: `"${text}" is not a decimal amount (use ${example})${decimalSeparatorHint(text, decimalSeparator)}` };
  }
}
