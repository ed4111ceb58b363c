// Dates in the user's language, for Slack messages and the CLI's text alike.

import type { IsoDate } from '../../domain/calendar.js';
import type { Locale } from './index.js';

const INTL_LOCALE: Record<Locale, string> = { es: 'es-MX', en: 'en-US' };

// Formatters are costly to build; the set of (locale, zone, shape) is tiny.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function parts(f: Intl.DateTimeFormat, at: Date): Parts {
  const out: Parts = {};
  // Some ICU versions write abbreviations with a dot ("sept."): the dot adds nothing.
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') out[p.type] = p.value.replace(/\.$/, '');
  return out;
}

function utcDate(isoDate: IsoDate): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

// The pieces are put together by hand: ICU's own patterns ("lun, 23 de nov de 2026")
// differ between Node versions, and the short form reads better in a list.
function compose(p: Parts, locale: Locale, withYear: boolean): string {
  if (locale === 'es') return [p.weekday, p.day, p.month, withYear ? p.year : undefined].filter(Boolean).join(' ');
  return `${p.weekday}, ${p.month} ${p.day}${withYear ? `, ${p.year}` : ''}`;
}

/**
 * A calendar date for people: "lun 23 nov 2026" / "Mon, Nov 23, 2026". IsoDate has no
 * time of day, so it is read in UTC and never shifts by a zone's offset.
 */
export function formatDate(isoDate: IsoDate, locale: Locale): string {
  const f = formatter(locale, 'UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  return compose(parts(f, utcDate(isoDate)), locale, true);
}

/** The same without the year, for dates close to today: "lun 23 nov" / "Mon, Nov 23". */
export function formatShortDate(isoDate: IsoDate, locale: Locale): string {
  const f = formatter(locale, 'UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  return compose(parts(f, utcDate(isoDate)), locale, false);
}

/** An instant on the wall clock of `timeZone`: "23 nov 2026 09:14" / "Nov 23, 2026 09:14". */
export function formatDateTime(at: Date, timeZone: string, locale: Locale): string {
  const f = formatter(locale, timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = parts(f, at);
  const time = `${p.hour}:${p.minute}`;
  return locale === 'es' ? `${p.day} ${p.month} ${p.year} ${time}` : `${p.month} ${p.day}, ${p.year} ${time}`;
}

/** The local calendar date of an instant in `timeZone`, without the weekday: "23 nov 2026". */
export function formatDayIn(at: Date, timeZone: string, locale: Locale): string {
  const p = parts(formatter(locale, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }), at);
  return locale === 'es' ? `${p.day} ${p.month} ${p.year}` : `${p.month} ${p.day}, ${p.year}`;
}
