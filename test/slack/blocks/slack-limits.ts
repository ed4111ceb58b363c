// Slack's Block Kit limits (restated from Slack's reference in the local Slack, not in the
// builders under test): the builder tests' view of them, with vitest's expect.

import { expect } from 'vitest';

import { allText, surfaceProblems, type Surface } from '../../../src/local-slack/block-kit-limits.js';

export { allText, type Surface };

type Node = Record<string, unknown>;

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Everything in a message or view that Slack would refuse (or that breaks our house rules). */
export function limitProblems(surface: Surface): string[] {
  return surfaceProblems(surface).map((p) => `${p.pointer}: ${p.message}`);
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
