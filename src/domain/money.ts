// Money is an integer count of the currency's minor units (centavos, cents…) plus its
// ISO 4217 code. Decimal text is parsed digit by digit: no floating point anywhere.

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export interface Money {
  /** Minor units; safe up to 2^53, far beyond any invoice. */
  minor: number;
  currency: string;
}

export function isCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit: 2 for MXN, USD, EUR; 0 for CLP, JPY. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    if (!isCurrency(currency)) throw new RangeError(`unknown currency ${currency}`);
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export type ParseAmountResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Parses "1234.5" into minor units of `currency` (123450 for MXN). Refuses thousands
 * separators, commas as decimal point, exponents and more decimals than the currency has.
 * One pass over the characters: an import parses millions of amounts.
 */
export function parseAmount(text: string, currency: string): ParseAmountResult {
  const value = text.trim();
  const negative = value.charCodeAt(0) === 0x2d; // "-"
  const start = negative ? 1 : 0;
  let at = start;
  let minor = 0;
  for (; at < value.length; at++) {
    const digit = value.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) break;
    minor = minor * 10 + digit;
  }
  const wholeDigits = at - start;
  let digits: number | undefined;
  let decimals = 0;
  let excess = false;
  if (wholeDigits > 0 && at < value.length && value.charCodeAt(at) === 0x2e /* "." */ && at + 1 < value.length) {
    digits = minorDigits(currency);
    for (at++; at < value.length; at++) {
      const digit = value.charCodeAt(at) - 0x30;
      if (digit < 0 || digit > 9) break;
      // Zeros past the currency's decimals change nothing ("10.500" MXN); anything else does.
      if (decimals < digits) {
        minor = minor * 10 + digit;
        decimals++;
      } else if (digit !== 0) excess = true;
    }
  }
  if (wholeDigits === 0 || at < value.length) {
    return { ok: false, reason: `"${text}" is not a decimal amount (use digits and a decimal point, e.g. 1234.50)` };
  }
  digits ??= minorDigits(currency);
  if (excess) return { ok: false, reason: `"${text}" has more than ${digits} decimals for ${currency}` };
  minor *= 10 ** (digits - decimals);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `"${text}" is too large` };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** Minor units back to plain decimal text ("1234.50"), as the ERP and the modal write it. */
export function toDecimalText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

const LOCALES = { es: 'es-MX', en: 'en-US' } as const;

// Building an Intl.NumberFormat costs far more than using one; a morning's lists format thousands of amounts.
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: 'es' | 'en'): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[locale], {
      style: 'currency',
      currency,
      // The narrow symbol ("$", not "MX$" or "US$"): the code written after it already
      // says which currency, so "MX$1,234.50 MXN" would name it twice.
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: minorDigits(currency),
    });
    formats.set(key, format);
  }
  return format;
}

/** "$1,234.50 MXN"-style text for the user's locale, from exact decimal text. */
export function formatMoney(minor: number, currency: string, locale: 'es' | 'en'): string {
  // A decimal string keeps every digit exact (Intl accepts strings since ES2023).
  const text = currencyFormat(currency, locale).format(toDecimalText(minor, currency) as unknown as number);
  // Show the code once: "$1,234.50 MXN", but "KWD 1,234.500" as Intl already writes it.
  return text.includes(currency) ? text : `${text} ${currency}`;
}

/** Splits `total` into `parts` amounts that add up exactly; the remainder goes on the last. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - base * (parts - 1) : base));
}
