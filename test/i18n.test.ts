import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS } from '../src/domain/aging.js';
import { REASON_CODES } from '../src/domain/next-best-action.js';
import { OUTCOME_ERROR_CODES } from '../src/domain/outcome.js';
import {
  BARRIER_KINDS,
  CONSEQUENCES,
  CONTACT_CHANNELS,
  CREDIT_STATUSES,
  OUTCOME_TYPES,
  PROMISE_STATES,
  TERMS_KINDS,
} from '../src/domain/vocabulary.js';
import { catalogs, isMessageKey, t, type Locale, type MessageKey } from '../src/slack/i18n/index.js';

const locales = Object.keys(catalogs) as Locale[];

/** Every leaf of a catalog as [dotted key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');

/** What is wrong with a set of catalogs: missing or empty messages, placeholders that differ. */
function catalogProblems(sets: Record<string, unknown>): string[] {
  const byLocale = Object.entries(sets).map(([locale, catalog]) => [locale, new Map(leaves(catalog))] as const);
  const keys = [...new Set(byLocale.flatMap(([, messages]) => [...messages.keys()]))].sort();
  const problems: string[] = [];
  for (const key of keys) {
    const found: [string, string][] = [];
    for (const [locale, messages] of byLocale) {
      const text = messages.get(key);
      if (typeof text !== 'string') problems.push(`${locale} ${key}: missing`);
      else if (text.trim() === '') problems.push(`${locale} ${key}: empty`);
      else found.push([locale, placeholders(text)]);
    }
    const [first, ...rest] = found;
    for (const [locale, names] of rest) {
      if (first && names !== first[1]) problems.push(`${locale} ${key}: placeholders {${names}} differ from ${first[0]} {${first[1]}}`);
    }
  }
  return problems;
}

describe('catalogs', () => {
  it.each(locales.flatMap((a) => locales.filter((b) => b !== a).map((b) => [a, b] as const)))(
    'every key of %s is in %s, non-empty, with the same placeholders',
    (a, b) => {
      expect(catalogProblems({ [a]: catalogs[a], [b]: catalogs[b] })).toEqual([]);
    },
  );

  // The checker itself must catch each kind of mistake.
  it.each<[string, unknown, unknown, string[]]>([
    ['identical shapes', { a: { b: 'x {n}' } }, { a: { b: 'y {n}' } }, []],
    ['a key missing in one language', { a: { b: 'x', c: 'z' } }, { a: { b: 'y' } }, ['en a.c: missing']],
    ['a section missing', { a: { b: 'x' }, d: { e: 'f' } }, { a: { b: 'y' } }, ['en d.e: missing']],
    ['an empty message', { a: 'x' }, { a: '  ' }, ['en a: empty']],
    ['a placeholder missing', { a: '{days} días' }, { a: 'days' }, ['en a: placeholders {} differ from es {days}']],
    ['a placeholder renamed', { a: '{days} días' }, { a: '{day} days' }, ['en a: placeholders {day} differ from es {days}']],
    ['placeholders in another order', { a: '{a} y {b}' }, { a: '{b} and {a}' }, []],
  ])('problems found with %s', (_name, es, en, problems) => {
    expect(catalogProblems({ es, en })).toEqual(problems);
  });

  it.each([
    ['objective', OUTCOME_TYPES],
    ['reason', REASON_CODES],
    ['outcomeError', OUTCOME_ERROR_CODES],
    ['aging', AGING_BUCKETS],
    ['creditStatus', CREDIT_STATUSES],
    ['channel', CONTACT_CHANNELS],
    ['barrierKind', BARRIER_KINDS],
    ['consequence', CONSEQUENCES],
    ['termsKind', TERMS_KINDS],
    ['promiseState', PROMISE_STATES],
  ] as const)('%s has a message for every value', (section, values) => {
    for (const value of values) expect(isMessageKey(`${section}.${value}`), `${section}.${value}`).toBe(true);
  });
});

describe('t', () => {
  it.each<[Locale, MessageKey, Record<string, string | number> | undefined, string]>([
    ['es', 'objective.reminder', undefined, 'Recordar'],
    ['en', 'objective.reminder', undefined, 'Reminder'],
    ['es', 'objective.barrier', undefined, 'Eliminar barrera de pago'],
    ['es', 'objective.commitment', undefined, 'Compromiso de pago'],
    ['es', 'objective.pressure', undefined, 'Presionar'],
    ['es', 'objective.terms_change', undefined, 'Cambiar condiciones'],
    ['es', 'reason.overdue_no_promise', { days: 15 }, 'Vencido hace 15 días y sin promesa: pide monto y fecha.'],
    ['en', 'reason.overdue_no_promise', { days: 15 }, '15 days overdue with no promise: ask for an amount and a date.'],
    ['en', 'reason.preventive', { days: '3' }, 'An invoice falls due in 3 days: preventive reminder.'],
    // A missing value stays visible rather than reading as a finished sentence.
    ['es', 'reason.long_overdue', undefined, 'Vencido hace {days} días: anuncia una consecuencia.'],
    ['en', 'reason.long_overdue', { count: 2 }, '{days} days overdue: announce a consequence.'],
    ['es', 'reason.long_overdue', { days: 0 }, 'Vencido hace 0 días: anuncia una consecuencia.'],
    ['en', 'aging.90+', undefined, 'Over 90 days'],
    ['es', 'escalationLevel.3', undefined, 'Director general'],
  ])('t(%s, %s, %o) = %j', (locale, key, params, expected) => {
    expect(t(locale, key, params)).toBe(expected);
  });

  it.each([
    ['reason.overdue_no_promise', true],
    ['objective.reminder', true],
    ['objective', false],
    ['objective.unknown', false],
    ['reason.overdue_no_promise.extra', false],
    ['toString', false],
    ['', false],
  ])('isMessageKey(%j) = %s', (key, expected) => {
    expect(isMessageKey(key)).toBe(expected);
  });
});
