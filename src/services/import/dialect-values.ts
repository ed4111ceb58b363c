import { isIsoDate } from '../../domain/calendar.js';
import type { Policy } from '../../domain/policy.js';

export type CsvPolicy = Policy['csv'];
type DateFormat = CsvPolicy['dateFormat'];

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day/month/year or month/day/year date as YYYY-MM-DD (not checked); other text as it is. */
export function slashDateToIso(text: string, format: DateFormat): string {
  const m = SLASH_DATE.exec(text);
  if (!m || format === 'YYYY-MM-DD') return text;
  const [day, month] = format === 'DD/MM/YYYY' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return `${m[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The policy setting that would read `text` as a date, as a hint; '' when none would. */
export function dateFormatHint(text: string, format: DateFormat): string {
  const fits = (['DD/MM/YYYY', 'MM/DD/YYYY'] as const).filter((f) => f !== format && isIsoDate(slashDateToIso(text, f)));
  if (fits.length === 0) return '';
  return `; set csv.dateFormat to ${fits.map((f) => `"${f}"`).join(' or ')} to read it`;
}

/** The expected shape of a date under `format`, for messages. */
export function dateShape(format: DateFormat): string {
  return format === 'YYYY-MM-DD' ? 'YYYY-MM-DD' : `${format} or YYYY-MM-DD`;
}

// Thousands dots in groups of three, then an optional decimal comma: 1.250.000,00 or 1250000,5.
const DECIMAL_COMMA = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
// Thousands commas are read under the default only where no decimal comma could be meant:
// a decimal point follows them (1,250.00), or there are two or more (1,250,000).
const THOUSANDS_COMMAS = /^-?\d{1,3}((,\d{3})+\.\d+|(,\d{3}){2,})$/;
const LOOKS_DECIMAL_COMMA = /^-?[\d.]*\d,\d+$/;

/** An amount written with a decimal comma, in decimal-point form; undefined when it is not one. */
export function decimalCommaToPoint(text: string): string | undefined {
  if (!DECIMAL_COMMA.test(text)) return undefined;
  return text.replaceAll('.', '').replace(',', '.');
}

/** An amount with thousands commas (under a decimal point), without them; undefined when not one. */
export function withoutThousandsCommas(text: string): string | undefined {
  return THOUSANDS_COMMAS.test(text) ? text.replaceAll(',', '') : undefined;
}

/** Why a decimal-point reading failed, with the policy key that would read `text`, if any. */
export function decimalSeparatorHint(text: string, separator: CsvPolicy['decimalSeparator']): string {
  if (separator === '.') return LOOKS_DECIMAL_COMMA.test(text) ? ' (set csv.decimalSeparator to "," to read decimal commas)' : '';
  return /^-?\d+\.\d+$/.test(text) ? ' (csv.decimalSeparator is ","; set it to "." to read decimal points)' : '';
}
