// The local Slack's views: each member's modal stack and App Home, and the triggers that
// let the bot open a modal for a member.

import { randomBytes } from 'node:crypto';
import type { Block, LocalView } from './protocol.js';

/** Slack stacks at most three modals. */
export const MAX_MODALS = 3;

export interface FoundView {
  user: string;
  view: LocalView;
}

export class ViewStore {
  private readonly triggers = new Map<string, string>();
  private readonly modals = new Map<string, LocalView[]>();
  private readonly homes = new Map<string, LocalView>();
  private seq = 0;

  /** A trigger id for an interaction of `user`, as Slack sends one with each interaction. */
  newTrigger(user: string): string {
    const trigger = `${++this.seq}.${Math.floor(Date.now() / 1000)}.${randomBytes(12).toString('hex')}`;
    this.triggers.set(trigger, user);
    return trigger;
  }

  userOfTrigger(trigger: string): string | undefined {
    return this.triggers.get(trigger);
  }

  modalsOf(user: string): LocalView[] {
    return this.modals.get(user) ?? [];
  }

  homeOf(user: string): LocalView | null {
    return this.homes.get(user) ?? null;
  }

  viewById(viewId: string): FoundView | undefined {
    return this.find((view) => view.id === viewId);
  }

  byExternalId(externalId: string): FoundView | undefined {
    return this.find((view) => view.view.external_id === externalId);
  }

  /** views.open: the member's modal stack becomes this one modal. */
  open(user: string, view: Block): LocalView {
    const opened = this.fresh(view);
    this.modals.set(user, [opened]);
    return opened;
  }

  /** views.push: on top of the member's stack; undefined when the stack is full. */
  push(user: string, view: Block): LocalView | undefined {
    const stack = this.modalsOf(user);
    if (stack.length >= MAX_MODALS) return undefined;
    const pushed = this.fresh(view);
    this.modals.set(user, [...stack, pushed]);
    return pushed;
  }

  /** views.publish: the member's App Home, which keeps its id from one publish to the next. */
  publish(user: string, view: Block): LocalView {
    const old = this.homes.get(user);
    const home = old ? { id: old.id, hash: this.newHash(), view } : this.fresh(view);
    this.homes.set(user, home);
    return home;
  }

  /** views.update or `response_action: update`: same id, new content and hash, errors gone. */
  replace(viewId: string, view: Block): LocalView | undefined {
    const found = this.viewById(viewId);
    if (!found) return undefined;
    const next: LocalView = { id: viewId, hash: this.newHash(), view };
    this.swap(found.user, viewId, next);
    return next;
  }

  setErrors(viewId: string, errors: Record<string, string>): boolean {
    const found = this.viewById(viewId);
    if (!found) return false;
    this.swap(found.user, viewId, { ...found.view, errors });
    return true;
  }

  /** Closes a modal and every modal above it; false when the member has no such modal. */
  close(user: string, viewId: string): boolean {
    const stack = this.modalsOf(user);
    const index = stack.findIndex((view) => view.id === viewId);
    if (index < 0) return false;
    this.modals.set(user, stack.slice(0, index));
    return true;
  }

  clear(user: string): boolean {
    const had = this.modalsOf(user).length > 0;
    this.modals.delete(user);
    return had;
  }

  private find(test: (view: LocalView) => boolean): FoundView | undefined {
    for (const [user, stack] of this.modals) {
      const view = stack.find(test);
      if (view) return { user, view };
    }
    for (const [user, view] of this.homes) if (test(view)) return { user, view };
    return undefined;
  }

  private swap(user: string, viewId: string, next: LocalView): void {
    if (this.homes.get(user)?.id === viewId) this.homes.set(user, next);
    else this.modals.set(user, this.modalsOf(user).map((view) => (view.id === viewId ? next : view)));
  }

  private fresh(view: Block): LocalView {
    return { id: `V${String(++this.seq).padStart(8, '0')}`, hash: this.newHash(), view };
  }

  private newHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('hex')}`;
  }
}
