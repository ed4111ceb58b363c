// Message look-up for every user-facing string. Keys are dotted paths into the catalogs
// ('reason.overdue_no_promise'); values may hold {name} placeholders.

import type { Locale } from '../../domain/policy.js';
import { en } from './en.js';
import { es, type Catalog } from './es.js';

export type { Locale } from '../../domain/policy.js';
export type { Catalog } from './es.js';

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of the catalogs, as a dotted path. */
export type MessageKey = Paths<Catalog>;

export type MessageParams = Readonly<Record<string, string | number>>;

export const catalogs: Readonly<Record<Locale, Catalog>> = { es, en };

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** For keys built at run time (`objective.${x}`) from data that may not be in the catalog. */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(es, key) !== undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;

// A morning's lists ask for the same few dozen messages tens of thousands of times.
const templates: Record<Locale, Map<string, string>> = { es: new Map(), en: new Map() };

function templateOf(locale: Locale, key: string): string {
  let template = templates[locale].get(key);
  if (template === undefined) {
    template = lookup(catalogs[locale], key) ?? lookup(es, key) ?? key;
    templates[locale].set(key, template);
  }
  return template;
}

/**
 * The message for `key` in `locale`, with {name} placeholders filled from `params`. A
 * placeholder without a value stays visible as {name}, so a gap shows in the message
 * instead of reading as a plausible sentence.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = templateOf(locale, key);
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}
