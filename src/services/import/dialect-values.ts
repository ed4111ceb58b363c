import { isIsoDate } from '../../domain/calendar.js';
import type { Locale, Policy } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';

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

/** The policy setting that would read `text` as a date, as a hint in `locale`; '' when none would. */
export function dateFormatHint(text: string, format: DateFormat, locale: Locale): string {
  const fits = (['DD/MM/YYYY', 'MM/DD/YYYY'] as const).filter((f) => f !== format && isIsoDate(slashDateToIso(text, f))).map((f) => `"${f}"`);
  if (fits.length === 0) return '';
  const formats = fits.length === 1 ? fits[0]! : t(locale, 'importProblem.either', { first: fits[0]!, second: fits[1]! });
  return `; ${t(locale, 'importProblem.dateFormatHint', { formats })}`;
}

/** The expected shape of a date under `format`, for messages in `locale`. */
export function dateShape(format: DateFormat, locale: Locale): string {
  return format === 'YYYY-MM-DD' ? 'YYYY-MM-DD' : t(locale, 'importProblem.dateShape', { format });
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

/** Why a decimal-point reading failed, with the policy key that would read `text`, if any, in `locale`. */
export function decimalSeparatorHint(text: string, separator: CsvPolicy['decimalSeparator'], locale: Locale): string {
  if (separator === '.') return LOOKS_DECIMAL_COMMA.test(text) ? ` (${t(locale, 'importProblem.decimalCommaHint')})` : '';
  return /^-?\d+\.\d+$/.test(text) ? ` (${t(locale, 'importProblem.decimalPointHint')})` : '';
}
