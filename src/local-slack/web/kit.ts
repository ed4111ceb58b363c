// Reading Block Kit objects (plain JSON from the bot) without `any`.
import type { Block } from '../protocol.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function str(o: Obj | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
export function num(o: Obj | undefined, key: string): number | undefined {
  const v = o?.[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
export function obj(o: Obj | undefined, key: string): Obj | undefined {
  const v = o?.[key];
  return isObj(v) ? v : undefined;
}
export function arr(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}
export function bool(o: Obj | undefined, key: string): boolean {
  return o?.[key] === true;
}
/** The text of a text object (plain_text or mrkdwn), or ''. */
export function textOf(o: Obj | undefined): string {
  return str(o, 'text') ?? '';
}

export interface Option {
  text: Obj;
  value: string;
  description?: Obj;
}

export function toOption(o: Obj): Option {
  return { text: obj(o, 'text') ?? { type: 'plain_text', text: '' }, value: str(o, 'value') ?? '' };
}

/** A select's options, flattening option_groups. */
export function optionsOf(el: Obj): Array<{ group?: string; options: Option[] }> {
  const groups = arr(el, 'option_groups');
  if (groups.length > 0) return groups.map((g) => ({ group: textOf(obj(g, 'label')), options: arr(g, 'options').map(toOption) }));
  return [{ options: arr(el, 'options').map(toOption) }];
}

export function blocksOf(view: Block | undefined): Obj[] {
  return arr(view, 'blocks');
}

/** A block's id: as the bot set it, else one stable for its place. */
export function blockIdOf(block: Obj, index: number): string {
  return str(block, 'block_id') ?? `block-${index}`;
}
export function actionIdOf(el: Obj, index: number): string {
  return str(el, 'action_id') ?? `action-${index}`;
}

/** Something safe to use in an element id. */
export function domId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('--');
}
