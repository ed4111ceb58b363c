// A Slack message as terminal text: its `text` (what notifications show), then what each
// block shows after a bar, buttons as [labels]; no words of its own, so it reads the same
// in any locale. Inputs and images have nothing to read in a message.

interface TextObject {
  text?: unknown;
}

interface BlockLike {
  type?: unknown;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Array<TextObject & { type?: unknown }>;
  accessory?: TextObject & { type?: unknown };
}

function textOf(object: TextObject | undefined): string {
  return typeof object?.text === 'string' ? object.text : '';
}

/** A button's label in brackets; an element with text of its own as that text. */
function elementText(element: (TextObject & { type?: unknown }) | undefined): string {
  if (!element) return '';
  if (element.type === 'button') return `[${textOf(element.text as TextObject)}]`;
  return textOf(element);
}

function blockLines(block: BlockLike): string[] {
  switch (block.type) {
    case 'header':
      return [textOf(block.text).toUpperCase()];
    case 'section':
      return [[textOf(block.text), elementText(block.accessory)].filter(Boolean).join('  '), ...(block.fields ?? []).map(textOf)];
    case 'context':
      return [(block.elements ?? []).map(elementText).filter(Boolean).join(' · ')];
    case 'actions':
      return [(block.elements ?? []).map(elementText).filter(Boolean).join(' ')];
    case 'divider':
      return ['---'];
    default:
      return [];
  }
}

/** The lines of a chat.postMessage payload: its text, then its blocks' text, each after "  | ". */
export function messageText(payload: object): string[] {
  const { text, blocks } = payload as { text?: unknown; blocks?: unknown };
  const lines = typeof text === 'string' && text !== '' ? text.split('\n') : [];
  for (const block of Array.isArray(blocks) ? (blocks as BlockLike[]) : []) {
    for (const line of blockLines(block)) {
      if (line !== '') lines.push(...line.split('\n').map((l) => `  | ${l}`));
    }
  }
  return lines;
}
