// Small constructors for the blocks and elements every surface uses. Each one enforces
// its Slack limit itself, so no caller can produce a block Slack would refuse.

import {
  MAX_BUTTON_TEXT,
  MAX_CONTEXT_ELEMENTS,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_OPTION_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
  truncate,
} from './limits.js';
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from './slack-types.js';

export function plain(text: string, max = MAX_SECTION_TEXT): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function mrkdwn(text: string, max = MAX_SECTION_TEXT): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, MAX_HEADER_TEXT) };
}

export function section(text: string, accessory?: Button): SectionBlock {
  return accessory ? { type: 'section', text: mrkdwn(text), accessory } : { type: 'section', text: mrkdwn(text) };
}

export function fieldsSection(fields: string[]): SectionBlock {
  return { type: 'section', fields: fields.slice(0, MAX_SECTION_FIELDS).map((f) => mrkdwn(f, MAX_FIELD_TEXT)) };
}

export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, MAX_CONTEXT_ELEMENTS).map((text) => mrkdwn(text, MAX_FIELD_TEXT)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function actions(...elements: Button[]): ActionsBlock {
  return { type: 'actions', elements };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const b: Button = { type: 'button', text: plain(text, MAX_BUTTON_TEXT), action_id: actionId, value };
  if (style) b.style = style;
  return b;
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, MAX_OPTION_TEXT), value };
}

/** Lines shown until `maxLines` or `maxChars` would be passed, and how many were left out. */
export function capLines(lines: string[], maxLines: number, maxChars: number): { shown: string[]; hidden: number } {
  const shown: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (shown.length >= maxLines || chars + line.length + 1 > maxChars) break;
    shown.push(line);
    chars += line.length + 1;
  }
  return { shown, hidden: lines.length - shown.length };
}
