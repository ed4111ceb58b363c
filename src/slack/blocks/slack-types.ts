// Block Kit types come through @slack/bolt, which re-exports @slack/types under `types`:
// the app depends on Bolt, not on @slack/types directly.

import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type HeaderBlock = types.HeaderBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type DividerBlock = types.DividerBlock;
export type InputBlock = types.InputBlock;
export type InputBlockElement = types.InputBlockElement;
export type Button = types.Button;
export type PlainTextElement = types.PlainTextElement;
export type MrkdwnElement = types.MrkdwnElement;
export type PlainTextOption = types.PlainTextOption;
export type StaticSelect = types.StaticSelect;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A message to post: `text` is what notifications and screen readers show. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}
