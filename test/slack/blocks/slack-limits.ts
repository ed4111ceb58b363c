// Slack's Block Kit limits, restated from Slack's reference (not imported from the code
// under test), and a walker that checks a whole message or view against them.

import { expect } from 'vitest';

const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageTextBudget: 10_000,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  staticOptions: 100,
  placeholder: 150,
  modalTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

type Node = Record<string, unknown>;
export type Surface = { text: string; blocks: unknown[] } | { type: 'modal' | 'home'; blocks: unknown[] };

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const textOf = (x: unknown): string => (isNode(x) ? str(x.text) : '');

/** Characters of every `text` string in the tree, fallback text included. */
export function allText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + allText(child), 0);
  if (!isNode(node)) return 0;
  return Object.entries(node).reduce((sum, [key, value]) => sum + (key === 'text' && typeof value === 'string' ? value.length : allText(value)), 0);
}

// In mrkdwn, < opens a link or mention and & an entity: anything else is unescaped data.
const MRKDWN_ANGLE = /<(?!@[UW][A-Z0-9]+>|#C[A-Z0-9]+(\|[^>]*)?>|!\w+>|https?:\/\/[^>]+>)/;
const MRKDWN_AMP = /&(?!amp;|lt;|gt;)/;

function checkNode(node: Node, path: string, problems: string[], blockIds: Set<string>): void {
  const at = (what: string) => `${path}: ${what}`;
  const over = (what: string, value: string, max: number) => {
    if (value.length > max) problems.push(at(`${what} has ${value.length} characters (max ${max})`));
  };
  switch (node.type) {
    case 'plain_text':
    case 'mrkdwn': {
      const text = str(node.text);
      if (text.length === 0) problems.push(at('empty text'));
      over('text', text, LIMITS.textObject);
      if (node.type === 'mrkdwn' && MRKDWN_ANGLE.test(text)) problems.push(at(`unescaped < in mrkdwn: ${text.slice(0, 80)}`));
      if (node.type === 'mrkdwn' && MRKDWN_AMP.test(text)) problems.push(at(`unescaped & in mrkdwn: ${text.slice(0, 80)}`));
      break;
    }
    case 'section': {
      over('section text', textOf(node.text), LIMITS.sectionText);
      const fields = Array.isArray(node.fields) ? node.fields : [];
      if (fields.length > LIMITS.sectionFields) problems.push(at(`${fields.length} fields (max ${LIMITS.sectionFields})`));
      fields.forEach((f, i) => over(`field ${i}`, textOf(f), LIMITS.fieldText));
      if (!node.text && fields.length === 0) problems.push(at('section without text or fields'));
      break;
    }
    case 'header':
      over('header', textOf(node.text), LIMITS.headerText);
      if (isNode(node.text) && node.text.type !== 'plain_text') problems.push(at('header text must be plain_text'));
      break;
    case 'context': {
      const elements = Array.isArray(node.elements) ? node.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(at(`${elements.length} context elements`));
      break;
    }
    case 'actions': {
      const elements = (Array.isArray(node.elements) ? node.elements : []).filter(isNode);
      if (elements.length === 0 || elements.length > LIMITS.actionsElements) problems.push(at(`${elements.length} actions elements`));
      const ids = elements.map((e) => str(e.action_id));
      if (new Set(ids).size !== ids.length) problems.push(at(`repeated action_id in one block: ${ids.join(',')}`));
      break;
    }
    case 'input':
      over('label', textOf(node.label), LIMITS.inputLabel);
      if (node.hint) over('hint', textOf(node.hint), LIMITS.inputLabel);
      break;
    case 'button':
      over('button text', textOf(node.text), LIMITS.buttonText);
      if (isNode(node.text) && node.text.type !== 'plain_text') problems.push(at('button text must be plain_text'));
      over('button value', str(node.value), LIMITS.buttonValue);
      break;
    case 'static_select': {
      const options = (Array.isArray(node.options) ? node.options : []).filter(isNode);
      if (options.length === 0 || options.length > LIMITS.staticOptions) problems.push(at(`${options.length} options`));
      options.forEach((o, i) => {
        over(`option ${i} text`, textOf(o.text), LIMITS.optionText);
        over(`option ${i} value`, str(o.value), LIMITS.optionValue);
      });
      const values = options.map((o) => str(o.value));
      if (new Set(values).size !== values.length) problems.push(at('repeated option value'));
      if (node.initial_option !== undefined) {
        const initial = JSON.stringify(node.initial_option);
        if (!options.some((o) => JSON.stringify(o) === initial)) problems.push(at('initial_option is not one of the options'));
      }
      break;
    }
    case 'datepicker':
      if (node.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(str(node.initial_date))) problems.push(at('bad initial_date'));
      break;
    case 'plain_text_input':
      if (typeof node.max_length === 'number' && str(node.initial_value).length > node.max_length) problems.push(at('initial_value over max_length'));
      break;
    case 'number_input': {
      const value = Number(node.initial_value);
      if (node.initial_value !== undefined && (value < Number(node.min_value) || value > Number(node.max_value))) {
        problems.push(at('initial_value out of range'));
      }
      break;
    }
  }
  if (node.placeholder !== undefined) over('placeholder', textOf(node.placeholder), LIMITS.placeholder);
  if (typeof node.action_id === 'string') over('action_id', node.action_id, LIMITS.actionId);
  if (typeof node.block_id === 'string') {
    over('block_id', node.block_id, LIMITS.blockId);
    if (blockIds.has(node.block_id)) problems.push(at(`repeated block_id ${node.block_id}`));
    blockIds.add(node.block_id);
  }
}

function walk(node: unknown, path: string, problems: string[], blockIds: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, `${path}[${i}]`, problems, blockIds));
    return;
  }
  if (!isNode(node)) return;
  checkNode(node, path, problems, blockIds);
  for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`, problems, blockIds);
}

/** Everything in a message or view that Slack would refuse (or that passes our text budget). */
export function limitProblems(surface: Surface): string[] {
  const problems: string[] = [];
  const isView = 'type' in surface;
  const maxBlocks = isView ? LIMITS.viewBlocks : LIMITS.messageBlocks;
  if (surface.blocks.length === 0) problems.push('no blocks');
  if (surface.blocks.length > maxBlocks) problems.push(`${surface.blocks.length} blocks (max ${maxBlocks})`);
  if (!isView) {
    if (surface.text.length === 0) problems.push('empty fallback text');
    const total = allText(surface);
    if (total > LIMITS.messageTextBudget) problems.push(`${total} characters of text (budget ${LIMITS.messageTextBudget})`);
  } else if (surface.type === 'modal') {
    const modal = surface as Node;
    for (const key of ['title', 'submit', 'close']) {
      if (modal[key] !== undefined) {
        const text = textOf(modal[key]);
        if (text.length > LIMITS.modalTitle) problems.push(`modal ${key} "${text}" over ${LIMITS.modalTitle}`);
      }
    }
    if (!modal.title) problems.push('modal without title');
    if (str(modal.private_metadata).length > LIMITS.privateMetadata) problems.push('private_metadata too long');
    if (str(modal.callback_id).length > LIMITS.callbackId) problems.push('callback_id too long');
    const hasInput = surface.blocks.some((b) => isNode(b) && b.type === 'input');
    if (hasInput && !modal.submit) problems.push('modal with inputs and no submit');
  }
  walk(surface.blocks, 'blocks', problems, new Set());
  return problems;
}

export function expectWithinLimits(surface: Surface): void {
  expect(limitProblems(surface)).toEqual([]);
}

/** Every element in the tree with `type` `type` (buttons, selects…). */
export function findAll(node: unknown, type: string): Node[] {
  if (Array.isArray(node)) return node.flatMap((child) => findAll(child, type));
  if (!isNode(node)) return [];
  const here = node.type === type ? [node] : [];
  return [...here, ...Object.values(node).flatMap((value) => findAll(value, type))];
}

/** The mrkdwn and plain text of a surface, joined: for "does it say X" checks. */
export function visibleText(node: unknown): string {
  if (Array.isArray(node)) return node.map(visibleText).join('\n');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .map(([key, value]) => (key === 'text' && typeof value === 'string' ? value : visibleText(value)))
    .filter(Boolean)
    .join('\n');
}
