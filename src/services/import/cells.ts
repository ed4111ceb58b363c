import { isIsoDate } from '../../domain/calendar.js';
import { isCurrency, minorDigits, parseAmount, type ParseAmountResult } from '../../domain/money.js';
import type { Locale } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
import { dateFormatHint, dateShape, decimalCommaToPoint, decimalSeparatorHint, slashDateToIso, withoutThousandsCommas, type CsvPolicy } from './dialect-values.js';
import type { ProblemList } from './errors.js';
import { valueAliases } from './value-aliases.js';

// eslint-disable-next-line no-control-regex
const BAD_TEXT = /[\u0000\uFFFD]/;
const KNOWN_DATES = 100_000;
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2999-12-31';

/** An amount read, or what is wrong with it: its shape, more decimals than its currency has, or its size. */
type AmountReading = { ok: true; minor: number } | { ok: false; fault: 'shape' | 'decimals' | 'large' };

/** `parseAmount`'s answer, its (English, internal) reason told apart for the messages of the import. */
function reading(parsed: ParseAmountResult): AmountReading {
  if (parsed.ok) return parsed;
  if (parsed.reason.includes('not a decimal amount')) return { ok: false, fault: 'shape' };
  return { ok: false, fault: parsed.reason.includes('decimals for') ? 'decimals' : 'large' };
}

/**
 * Reads the cells of one record (already in the kind's column order) and reports what is
 * wrong with them. Values are trimmed: ERP exports pad cells more often than they mean it.
 * Dates and amounts are read as the policy's `csv` settings say; the default reads them
 * without any conversion. Messages are in the policy's `locale`.
 */
export class Cells {
  fields: readonly string[] = [];
  line = 0;
  /** False once any cell of the current record has a problem. */
  ok = true;
  // An export spans a few thousand distinct dates over a million rows: check each once.
  private readonly goodDates = new Map<string, string>();
  private lastCurrency: [raw: string | undefined, code: string] = [undefined, ''];
  private lastAmount: { text: string; currency: string; parsed: AmountReading | undefined } = { text: '', currency: '', parsed: undefined };

  constructor(
    private readonly columns: readonly string[],
    private readonly problems: ProblemList,
    private readonly csv: CsvPolicy = { decimalSeparator: '.', dateFormat: 'YYYY-MM-DD' },
    private readonly locale: Locale = 'es',
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
    if (required && value === '') this.problem(col, t(this.locale, 'importProblem.empty'));
    // A U+FFFD is text that was mis-decoded before it reached us (the reader itself falls back
    // to Windows-1252), and PostgreSQL refuses NUL characters in text.
    else if (BAD_TEXT.test(value)) {
      this.problem(col, t(this.locale, value.includes('\0') ? 'importProblem.nulCharacter' : 'importProblem.notUtf8'));
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
      const { locale } = this;
      const shape = dateShape(dateFormat, locale);
      this.problem(
        col,
        text === ''
          ? t(locale, 'importProblem.emptyDate', { shape })
          : t(locale, 'importProblem.notDate', { value: text, shape }) + dateFormatHint(text, dateFormat, locale),
      );
      return '';
    }
    // A typo such as 0226-03-01 is a real date to the calendar, but not to an ERP.
    if (value < MIN_DATE || value > MAX_DATE) {
      this.problem(col, t(this.locale, 'importProblem.dateOutOfRange', { value, min: MIN_DATE, max: MAX_DATE }));
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
    const list = values.join(', ');
    this.problem(col, value === '' ? t(this.locale, 'importProblem.emptyOneOf', { values: list }) : t(this.locale, 'importProblem.notOneOf', { value, values: list }));
    return value as T;
  }

  /** An integer between `min` and `max`; `what` names it in messages ("a contact level"), in the policy's locale. */
  integer(col: number, min: number, max: number, what: string): number {
    const value = this.fields[col]!.trim();
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) this.problem(col, t(this.locale, 'importProblem.notInRange', { value, what, min, max }));
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
      this.problem(col, t(this.locale, 'importProblem.unknownCurrency', { value: raw.trim() }));
      return undefined;
    }
    return (this.lastCurrency = [raw, value])[1];
  }

  /** A decimal amount in minor units of `currency`: at least zero, or above zero when `positive`. */
  amount(col: number, currency: string | undefined, positive: boolean): number {
    const text = this.fields[col]!.trim();
    if (text === '') {
      this.problem(col, t(this.locale, 'importProblem.emptyAmount'));
      return 0;
    }
    if (currency === undefined) {
      // The currency was refused, so the decimals cannot be judged: check the shape only.
      const shaped = this.parseAmount(text, 'MXN');
      if (!shaped.ok && shaped.fault !== 'decimals') this.problem(col, this.amountMessage(text, shaped.fault, 'MXN'));
      return 0;
    }
    // An open amount usually repeats the amount just read: parse that text once.
    let parsed = this.lastAmount.text === text && this.lastAmount.currency === currency ? this.lastAmount.parsed : undefined;
    if (!parsed) {
      parsed = this.parseAmount(text, currency);
      this.lastAmount = { text, currency, parsed };
    }
    if (!parsed.ok) {
      this.problem(col, this.amountMessage(text, parsed.fault, currency));
      return 0;
    }
    if (parsed.minor < 0) this.problem(col, t(this.locale, 'importProblem.negative', { value: text }));
    else if (positive && parsed.minor === 0) this.problem(col, t(this.locale, 'importProblem.notPositive', { value: text }));
    return parsed.minor;
  }

  /**
   * `text` in minor units, read with the policy's decimal separator; chosen once per file so
   * that the default reads an amount as it always did, and looks further only when that fails.
   */
  private readonly parseAmount: (text: string, currency: string) => AmountReading;

  private pointAmount(text: string, currency: string): AmountReading {
    const parsed = parseAmount(text, currency);
    if (parsed.ok) return parsed;
    const plain = withoutThousandsCommas(text);
    return reading(plain !== undefined ? parseAmount(plain, currency) : parsed);
  }

  private commaAmount(text: string, currency: string): AmountReading {
    const point = decimalCommaToPoint(text);
    return point === undefined ? { ok: false, fault: 'shape' } : reading(parseAmount(point, currency));
  }

  /** Why `text` (as written) is no amount of `currency`; a wrong shape names the policy key that would read it, if any. */
  private amountMessage(text: string, fault: 'shape' | 'decimals' | 'large', currency: string): string {
    const { locale } = this;
    if (fault === 'decimals') return t(locale, 'importProblem.tooManyDecimals', { value: text, digits: minorDigits(currency), currency });
    if (fault === 'large') return t(locale, 'importProblem.tooLarge', { value: text });
    const { decimalSeparator } = this.csv;
    const example = t(locale, decimalSeparator === '.' ? 'importProblem.decimalPoint' : 'importProblem.decimalComma');
    return t(locale, 'importProblem.notAmount', { value: text, example }) + decimalSeparatorHint(text, decimalSeparator, locale);
  }
}
