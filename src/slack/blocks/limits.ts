// Slack's Block Kit limits, in one place. Slack rejects a whole message or view that
// breaks any of them (`invalid_blocks`), so builders cap lists and cut long text instead.

/** Blocks in one message. */
export const MAX_MESSAGE_BLOCKS = 50;
/** Blocks in a modal or the Home tab. */
export const MAX_VIEW_BLOCKS = 100;
/** Characters of a section's text. */
export const MAX_SECTION_TEXT = 3000;
/** Fields of a section, and characters in each. */
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
/** Characters of a header block. */
export const MAX_HEADER_TEXT = 150;
/** Elements of a context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** Elements of an actions block. */
export const MAX_ACTIONS_ELEMENTS = 25;
/** Characters of a modal's title, submit and close labels. */
export const MAX_MODAL_TITLE = 24;
/** Characters of a button's text. */
export const MAX_BUTTON_TEXT = 75;
/** Characters of an option's text (plain_text in select menus). */
export const MAX_OPTION_TEXT = 75;
/** Characters of an option's value. */
export const MAX_OPTION_VALUE = 150;
/** Characters of a placeholder. */
export const MAX_PLACEHOLDER = 150;
/** Characters of an input block's label and hint. */
export const MAX_INPUT_LABEL = 2000;
/** Options of a static select. */
export const MAX_STATIC_OPTIONS = 100;
/** Characters of a view's private_metadata. */
export const MAX_PRIVATE_METADATA = 3000;
/**
 * Our own budget for all the text of one message (fallback included). Slack accepts far
 * more, but a DM longer than this is no longer read, and it keeps every message well
 * inside Slack's own per-message size.
 */
export const MESSAGE_TEXT_BUDGET = 10_000;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` characters, ending with "…" when cut. Cuts between code
 * points, so an emoji or accented letter is never split in half.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let out = '';
  for (const char of text) {
    if (out.length + char.length + ELLIPSIS.length > max) break;
    out += char;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Characters of every text object in a block tree (what the text budget counts). */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + textLength(child), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') sum += value.length;
    else sum += textLength(value);
  }
  return sum;
}
