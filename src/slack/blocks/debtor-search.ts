// `/deudor` answers other than the card: several matches, none, and how to use it.

import type { DebtorHit } from '../../services/debtor-search.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION, COMMAND } from '../ids.js';
import { button, context, header, section } from './elements.js';
import { MAX_MESSAGE_BLOCKS } from './limits.js';
import type { KnownBlock, Message, SectionBlock } from './slack-types.js';
import { escapeMrkdwn, safe } from './text.js';

const QUERY_MAX = 100;
const NAME_MAX = 150;
const ID_MAX = 60;
/** Hits listed at most: more than this is a query to narrow, not a list to read. */
export const PICK_LIST_MAX = 20;

const command = `\`${COMMAND}\``;

/** The language and the policy's name for the tax id (RFC, CUIT…), which every answer here shows. */
export interface SearchWords {
  locale: Locale;
  taxIdLabel: string;
}

function hitSection(hit: DebtorHit, { locale, taxIdLabel }: SearchWords): SectionBlock {
  const ids = t(locale, 'card.ids', { externalId: safe(hit.externalId, ID_MAX), taxIdLabel: safe(taxIdLabel, ID_MAX), taxId: safe(hit.taxId, ID_MAX) || '—' });
  return section(`*${safe(hit.name, NAME_MAX)}*\n${ids}`, button(t(locale, 'common.openDebtor'), ACTION.openDebtor, String(hit.id)));
}

function hitBlocks(hits: DebtorHit[], words: SearchWords, room: number): KnownBlock[] {
  const shown = hits.slice(0, Math.min(PICK_LIST_MAX, room - 1));
  const blocks: KnownBlock[] = shown.map((hit) => hitSection(hit, words));
  if (hits.length > shown.length) blocks.push(context(t(words.locale, 'common.andMore', { count: hits.length - shown.length })));
  return blocks;
}

/** Several debtors match: one line each, with a button that opens its card. */
export function debtorPickList(hits: DebtorHit[], query: string, words: SearchWords): Message {
  const { locale } = words;
  const q = safe(query, QUERY_MAX);
  const blocks: KnownBlock[] = [section(t(locale, 'search.pickTitle', { count: hits.length, query: q }))];
  blocks.push(...hitBlocks(hits, words, MAX_MESSAGE_BLOCKS - blocks.length));
  return { text: t(locale, 'search.pickFallback', { query: q }), blocks };
}

/** Nothing matched: say so, offer the closest names, remind how to search. */
export function debtorNotFound(query: string, suggestions: DebtorHit[], words: SearchWords): Message {
  const { locale } = words;
  const taxIdLabel = safe(words.taxIdLabel, ID_MAX);
  const q = safe(query, QUERY_MAX);
  const text = t(locale, 'search.notFound', { query: q });
  const blocks: KnownBlock[] = [section(text)];
  if (suggestions.length > 0) {
    blocks.push(section(t(locale, 'search.suggestions')));
    blocks.push(...hitBlocks(suggestions, words, MAX_MESSAGE_BLOCKS - blocks.length - 1));
  }
  blocks.push(context(t(locale, 'search.usageHint', { command, taxIdLabel })));
  return { text, blocks };
}

/** `/deudor` alone or `/deudor help`. */
export function deudorHelp({ locale, taxIdLabel: label }: SearchWords): Message {
  const taxIdLabel = safe(label, ID_MAX);
  const example = (args: string, key: 'search.helpByName' | 'search.helpByCode' | 'search.helpByTaxId') =>
    `• \`${COMMAND} ${args}\`: ${t(locale, key, { taxIdLabel })}`;
  return {
    text: t(locale, 'search.helpFallback', { command: COMMAND }),
    blocks: [
      header(t(locale, 'search.helpTitle')),
      // The usage line holds <…> placeholders, which Slack would read as a link unless escaped.
      section(escapeMrkdwn(t(locale, 'search.helpUsage', { command: COMMAND, taxIdLabel: label }))),
      section(
        [
          `*${t(locale, 'search.helpExamples')}*`,
          example('ferreteria lopez', 'search.helpByName'),
          example('C-0042', 'search.helpByCode'),
          example('LOFE850101AB1', 'search.helpByTaxId'),
        ].join('\n'),
      ),
      context(t(locale, 'search.helpMatches')),
    ],
  };
}
