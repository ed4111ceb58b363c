// Slack's Block Kit limits, restated from Slack's reference, and a walker that checks a whole
// message or view against them. The local Slack's Web API refuses what Slack refuses (the
// problems marked `slack`); the builder tests also hold the bot to stricter house rules (a
// text budget, escaped mrkdwn, a fallback text), which Slack itself lets through.

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

const BLOCK_TYPES = new Set([
  'actions', 'context', 'context_actions', 'divider', 'file', 'header', 'image', 'input', 'markdown', 'rich_text', 'section', 'table', 'video',
]);
const ELEMENT_TYPES = new Set([
  'button', 'channels_select', 'checkboxes', 'conversations_select', 'datepicker', 'datetimepicker', 'email_text_input', 'external_select',
  'file_input', 'image', 'multi_channels_select', 'multi_conversations_select', 'multi_external_select', 'multi_static_select',
  'multi_users_select', 'number_input', 'overflow', 'plain_text_input', 'radio_buttons', 'rich_text_input', 'static_select', 'timepicker',
  'url_text_input', 'users_select', 'workflow_button',
]);
const CONTEXT_ELEMENT_TYPES = new Set(['image', 'mrkdwn', 'plain_text']);

/** One thing wrong with a surface: where (a JSON pointer), what, and whether Slack refuses it. */
export interface BlockKitProblem {
  pointer: string;
  message: string;
  /** Slack refuses it; false for the house rules only the builder tests enforce. */
  slack: boolean;
}

type Node = Record<string, unknown>;
export type Surface = { text: string; blocks: unknown[] } | { type: 'modal' | 'home'; blocks: unknown[] };

interface Walk {
  problems: BlockKitProblem[];
  blockIds: Set<string>;
}

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const textOf = (x: unknown): string => (isNode(x) ? str(x.text) : '');
const nodes = (x: unknown): Node[] => (Array.isArray(x) ? x.filter(isNode) : []);

/** Characters of every `text` string in the tree, fallback text included. */
export function allText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + allText(child), 0);
  if (!isNode(node)) return 0;
  return Object.entries(node).reduce((sum, [key, value]) => sum + (key === 'text' && typeof value === 'string' ? value.length : allText(value)), 0);
}

// In mrkdwn, < opens a link or mention and & an entity: anything else is unescaped data.
const MRKDWN_ANGLE = /<(?!@[UW][A-Z0-9]+>|#C[A-Z0-9]+(\|[^>]*)?>|!\w+>|https?:\/\/[^>]+>)/;
const MRKDWN_AMP = /&(?!amp;|lt;|gt;)/;

/** Reports problems at one node: `at(what)` refused by Slack, `house(what)` by the house rules. */
class At {
  constructor(
    private readonly walk: Walk,
    readonly path: string,
  ) {}
  problem(what: string, pointer = this.path, slack = true): void {
    this.walk.problems.push({ pointer, message: what, slack });
  }
  house(what: string): void {
    this.problem(what, this.path, false);
  }
  over(what: string, value: string, max: number, pointer = this.path): void {
    if (value.length > max) this.problem(`${what} has ${value.length} characters (max ${max})`, pointer);
  }
}

type Check = (node: Node, at: At) => void;

function checkTextObject(node: Node, at: At): void {
  const text = str(node.text);
  const pointer = `${at.path}/text`;
  if (text.length === 0) at.problem('empty text', pointer);
  at.over('text', text, LIMITS.textObject, pointer);
  if (node.type === 'mrkdwn' && MRKDWN_ANGLE.test(text)) at.house(`unescaped < in mrkdwn: ${text.slice(0, 80)}`);
  if (node.type === 'mrkdwn' && MRKDWN_AMP.test(text)) at.house(`unescaped & in mrkdwn: ${text.slice(0, 80)}`);
}

function checkSection(node: Node, at: At): void {
  at.over('section text', textOf(node.text), LIMITS.sectionText, `${at.path}/text/text`);
  const fields = Array.isArray(node.fields) ? node.fields : [];
  if (fields.length > LIMITS.sectionFields) at.problem(`${fields.length} fields (max ${LIMITS.sectionFields})`, `${at.path}/fields`);
  fields.forEach((f, i) => at.over(`field ${i}`, textOf(f), LIMITS.fieldText, `${at.path}/fields/${i}/text`));
  if (!node.text && fields.length === 0) at.problem('section without text or fields');
  if (isNode(node.accessory) && !ELEMENT_TYPES.has(str(node.accessory.type))) {
    at.problem(`unknown element type ${str(node.accessory.type)}`, `${at.path}/accessory/type`);
  }
}

function checkHeader(node: Node, at: At): void {
  at.over('header', textOf(node.text), LIMITS.headerText, `${at.path}/text/text`);
  if (isNode(node.text) && node.text.type !== 'plain_text') at.problem('header text must be plain_text', `${at.path}/text/type`);
}

function checkElements(node: Node, at: At, known: Set<string>, max: number, name: string): Node[] {
  const elements = nodes(node.elements);
  if (elements.length === 0 || elements.length > max) at.problem(`${elements.length} ${name} elements (min 1, max ${max})`, `${at.path}/elements`);
  elements.forEach((e, i) => {
    if (!known.has(str(e.type))) at.problem(`unknown element type ${str(e.type)}`, `${at.path}/elements/${i}/type`);
  });
  return elements;
}

function checkActions(node: Node, at: At): void {
  const ids = checkElements(node, at, ELEMENT_TYPES, LIMITS.actionsElements, 'actions')
    .map((e) => str(e.action_id))
    .filter(Boolean);
  if (new Set(ids).size !== ids.length) at.problem(`repeated action_id in one block: ${ids.join(',')}`, `${at.path}/elements`);
}

function checkInput(node: Node, at: At): void {
  at.over('label', textOf(node.label), LIMITS.inputLabel, `${at.path}/label/text`);
  if (node.hint) at.over('hint', textOf(node.hint), LIMITS.inputLabel, `${at.path}/hint/text`);
  if (!isNode(node.label)) at.problem('input without label', `${at.path}/label`);
  if (!isNode(node.element) || !ELEMENT_TYPES.has(str(node.element.type))) {
    at.problem(`unknown element type ${isNode(node.element) ? str(node.element.type) : '(none)'}`, `${at.path}/element`);
  }
}

function checkButton(node: Node, at: At): void {
  at.over('button text', textOf(node.text), LIMITS.buttonText, `${at.path}/text/text`);
  if (isNode(node.text) && node.text.type !== 'plain_text') at.problem('button text must be plain_text', `${at.path}/text/type`);
  at.over('button value', str(node.value), LIMITS.buttonValue, `${at.path}/value`);
}

function checkStaticSelect(node: Node, at: At): void {
  const options = nodes(node.options);
  if (options.length === 0 || options.length > LIMITS.staticOptions) at.problem(`${options.length} options`, `${at.path}/options`);
  options.forEach((o, i) => {
    at.over(`option ${i} text`, textOf(o.text), LIMITS.optionText, `${at.path}/options/${i}/text/text`);
    at.over(`option ${i} value`, str(o.value), LIMITS.optionValue, `${at.path}/options/${i}/value`);
  });
  const values = options.map((o) => str(o.value));
  if (new Set(values).size !== values.length) at.problem('repeated option value', `${at.path}/options`);
  if (node.initial_option !== undefined) {
    const initial = JSON.stringify(node.initial_option);
    if (!options.some((o) => JSON.stringify(o) === initial)) at.problem('initial_option is not one of the options', `${at.path}/initial_option`);
  }
}

function checkNumberInput(node: Node, at: At): void {
  const value = Number(node.initial_value);
  if (node.initial_value !== undefined && (value < Number(node.min_value) || value > Number(node.max_value))) {
    at.problem('initial_value out of range', `${at.path}/initial_value`);
  }
}

const CHECKS: Record<string, Check> = {
  plain_text: checkTextObject,
  mrkdwn: checkTextObject,
  section: checkSection,
  header: checkHeader,
  context: (node, at) => void checkElements(node, at, CONTEXT_ELEMENT_TYPES, LIMITS.contextElements, 'context'),
  actions: checkActions,
  input: checkInput,
  button: checkButton,
  static_select: checkStaticSelect,
  number_input: checkNumberInput,
  datepicker: (node, at) => {
    if (node.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(str(node.initial_date))) at.problem('bad initial_date', `${at.path}/initial_date`);
  },
  plain_text_input: (node, at) => {
    if (typeof node.max_length === 'number' && str(node.initial_value).length > node.max_length) {
      at.problem('initial_value over max_length', `${at.path}/initial_value`);
    }
  },
};

function checkCommon(node: Node, at: At, walk: Walk): void {
  if (node.placeholder !== undefined) at.over('placeholder', textOf(node.placeholder), LIMITS.placeholder, `${at.path}/placeholder/text`);
  if (typeof node.action_id === 'string') at.over('action_id', node.action_id, LIMITS.actionId, `${at.path}/action_id`);
  if (typeof node.block_id === 'string') {
    at.over('block_id', node.block_id, LIMITS.blockId, `${at.path}/block_id`);
    if (walk.blockIds.has(node.block_id)) at.problem(`repeated block_id ${node.block_id}`, `${at.path}/block_id`);
    walk.blockIds.add(node.block_id);
  }
}

function walkTree(node: unknown, path: string, walk: Walk): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walkTree(child, `${path}/${i}`, walk));
    return;
  }
  if (!isNode(node)) return;
  const at = new At(walk, path);
  CHECKS[str(node.type)]?.(node, at);
  checkCommon(node, at, walk);
  for (const [key, value] of Object.entries(node)) walkTree(value, `${path}/${key}`, walk);
}

function checkBlockList(blocks: unknown[], max: number, walk: Walk): void {
  const at = new At(walk, '/blocks');
  if (blocks.length === 0) at.house('no blocks');
  if (blocks.length > max) at.problem(`${blocks.length} blocks (max ${max})`);
  blocks.forEach((block, i) => {
    const type = isNode(block) ? str(block.type) : '';
    if (!BLOCK_TYPES.has(type)) at.problem(`unknown block type ${type || '(none)'}`, `/blocks/${i}/type`);
  });
  walkTree(blocks, '/blocks', walk);
}

function checkModal(modal: Node, blocks: unknown[], walk: Walk): void {
  const at = new At(walk, '');
  for (const key of ['title', 'submit', 'close']) {
    if (modal[key] === undefined) continue;
    const text = textOf(modal[key]);
    if (text.length > LIMITS.modalTitle) at.problem(`modal ${key} "${text}" over ${LIMITS.modalTitle}`, `/${key}/text`);
  }
  if (!modal.title) at.problem('modal without title', '/title');
  if (str(modal.private_metadata).length > LIMITS.privateMetadata) at.problem('private_metadata too long', '/private_metadata');
  if (str(modal.callback_id).length > LIMITS.callbackId) at.problem('callback_id too long', '/callback_id');
  const hasInput = blocks.some((b) => isNode(b) && b.type === 'input');
  if (hasInput && !modal.submit) at.problem('modal with inputs and no submit', '/submit');
}

/** Everything in a message's blocks that Slack would refuse, and what breaks the house rules. */
export function messageProblems(text: string | undefined, blocks: unknown[]): BlockKitProblem[] {
  const walk: Walk = { problems: [], blockIds: new Set() };
  const at = new At(walk, '/text');
  if (!text) at.house('empty fallback text');
  const total = allText({ text, blocks });
  if (total > LIMITS.messageTextBudget) at.house(`${total} characters of text (budget ${LIMITS.messageTextBudget})`);
  checkBlockList(blocks, LIMITS.messageBlocks, walk);
  return walk.problems;
}

/** Everything in a view (modal or App Home) that Slack would refuse, and what breaks the house rules. */
export function viewProblems(view: Record<string, unknown>): BlockKitProblem[] {
  const walk: Walk = { problems: [], blockIds: new Set() };
  const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]) : [];
  if (!Array.isArray(view.blocks)) new At(walk, '/blocks').problem('blocks must be an array');
  if (view.type !== 'modal' && view.type !== 'home') new At(walk, '/type').problem(`unknown view type ${str(view.type) || '(none)'}`);
  if (view.type === 'modal') checkModal(view, blocks, walk);
  checkBlockList(blocks, LIMITS.viewBlocks, walk);
  return walk.problems;
}

/** A message (`text`, `blocks`) or a view (`type`, `blocks`, …): its problems. */
export function surfaceProblems(surface: Surface): BlockKitProblem[] {
  return 'type' in surface ? viewProblems(surface) : messageProblems(surface.text, surface.blocks);
}
