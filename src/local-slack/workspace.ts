// The local Slack's workspace: its members and channels, the messages in each conversation,
// each member's views, uploaded files and the emails sent. Emits 'change' after every
// mutation, so the page server can tell the page to read its state again.

import { EventEmitter } from 'node:events';
import { messageProblems } from './block-kit-limits.js';
import { MessageStore, type HistoryPage, type HistoryQuery, type NewMessage, type StoredMessage } from './messages.js';
import type { Block, Conversation, LocalFile, LocalMail, LocalMessage, LocalUser, LocalView, PageState } from './protocol.js';
import { FileStore, MailStore, uploadedBytes, type IncomingMail, type StoredBytes } from './uploads.js';
import { ViewStore, type FoundView } from './views.js';

export interface WorkspaceOptions {
  /** The bot as members see it: its name (the DM's name) and user id; its bot id for auth.test. */
  bot: { name: string; userId: string; botId?: string };
  team?: { id: string; name: string };
  locale?: 'es' | 'en';
  members?: LocalUser[];
  channels?: Conversation[];
  /** The clock messages' ts values come from. */
  now?: () => number;
  /** Where the page server listens (`http://127.0.0.1:3000`): upload URLs point there. */
  origin?: string;
}

export type Outcome = { ok: true } | { ok: false; error: string };

const truthy = (x: unknown) => x === true || x === 'true';

export class LocalWorkspace extends EventEmitter<{ change: [] }> {
  readonly bot: { name: string; userId: string; botId: string };
  readonly team: { id: string; name: string };
  locale: 'es' | 'en';
  /** The page server's origin, for the upload URLs files.getUploadURLExternal hands out; set it once listening. */
  origin: string;
  private memberList: LocalUser[] = [];
  private channelList: Conversation[] = [];
  private readonly messages: MessageStore;
  private readonly views = new ViewStore();
  private readonly files = new FileStore();
  private readonly mails = new MailStore();

  constructor(options: WorkspaceOptions) {
    super();
    this.bot = { botId: 'B0LOCAL', ...options.bot };
    this.team = options.team ?? { id: 'T0LOCAL', name: 'Local' };
    this.locale = options.locale ?? 'es';
    this.origin = options.origin ?? '';
    this.messages = new MessageStore(options.now);
    this.memberList = [...(options.members ?? [])];
    this.channelList = (options.channels ?? []).filter((c) => c.kind === 'channel');
  }

  private changed<T>(result: T): T {
    this.emit('change');
    return result;
  }

  // Members and conversations

  get members(): LocalUser[] {
    return [...this.memberList];
  }

  get channels(): Conversation[] {
    return [...this.channelList];
  }

  setMembers(members: LocalUser[]): void {
    this.memberList = [...members];
    this.changed(undefined);
  }

  setChannels(channels: Conversation[]): void {
    this.channelList = channels.filter((c) => c.kind === 'channel');
    this.changed(undefined);
  }

  member(userId: string): LocalUser | undefined {
    return this.memberList.find((m) => m.id === userId);
  }

  /** The member's DM with the bot: `D` and the user id without its first letter. */
  dmOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  /** The member whose DM with the bot this is. */
  memberOfDm(channel: string): LocalUser | undefined {
    return channel.startsWith('D') ? this.memberList.find((m) => this.dmOf(m.id) === channel) : undefined;
  }

  /** The conversation a `channel` argument names: a member's id (their DM), a DM, a channel's id or name. */
  conversationOf(channel: string): string | undefined {
    if (this.member(channel)) return this.dmOf(channel);
    if (this.memberOfDm(channel)) return channel;
    const name = channel.replace(/^#/, '');
    return this.channelList.find((c) => c.id === channel || c.name === name)?.id;
  }

  // Messages

  messagesIn(channel: string): StoredMessage[] {
    return [...this.messages.in(channel)];
  }

  /** A message in a conversation (already resolved with conversationOf); by the bot unless `user` says. */
  post(channel: string, message: Omit<NewMessage, 'user'> & { user?: string }): StoredMessage {
    return this.changed(this.messages.add(channel, { user: this.bot.userId, ...message }));
  }

  postEphemeral(channel: string, user: string, text: string, blocks?: Block[]): StoredMessage {
    return this.post(channel, { text, blocks, ephemeralTo: user });
  }

  /** A member's own message in a conversation. */
  postAs(user: string, channel: string, text: string): StoredMessage {
    return this.post(channel, { user, text });
  }

  /** The message at `ts`; with `as`, only if that member sees it (not someone else's ephemeral message). */
  message(channel: string, ts: string, as?: string): StoredMessage | undefined {
    const found = this.messages.find(channel, ts);
    return found && (as === undefined || !found.ephemeralTo || found.ephemeralTo === as) ? found : undefined;
  }

  /** chat.update: text, blocks, metadata given replace the old ones; marks it edited. */
  updateMessage(channel: string, ts: string, change: Partial<Omit<NewMessage, 'user' | 'ephemeralTo'>>): StoredMessage | undefined {
    const updated = this.messages.change(channel, ts, { ...change, edited: true });
    return updated && this.changed(updated);
  }

  deleteMessage(channel: string, ts: string): boolean {
    const removed = this.messages.remove(channel, ts);
    return removed && this.changed(removed);
  }

  history(channel: string, query: HistoryQuery): HistoryPage {
    return this.messages.history(channel, query);
  }

  /**
   * A `response_url` post for `user` in `channel`, as Slack treats it: `delete_original` and
   * `replace_original` act on the message at `originalTs` (the one the member acted on);
   * otherwise `in_channel` posts a message and anything else an ephemeral one to the member.
   */
  respond(channel: string, user: string, body: Record<string, unknown>, originalTs?: string): Outcome {
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Block[]) : undefined;
    const text = typeof body.text === 'string' ? body.text : '';
    if (blocks && messageProblems(text, blocks).some((p) => p.slack)) return { ok: false, error: 'invalid_blocks' };
    const original = originalTs ? this.messages.find(channel, originalTs) : undefined;
    if (truthy(body.delete_original)) {
      if (!original) return { ok: false, error: 'message_not_found' };
      this.deleteMessage(channel, original.ts);
      return { ok: true };
    }
    if (truthy(body.replace_original) && original) {
      this.changed(this.messages.change(channel, original.ts, { text, blocks: blocks ?? [] }));
      return { ok: true };
    }
    if (body.response_type === 'in_channel') this.post(channel, { text, blocks });
    else this.postEphemeral(channel, user, text, blocks);
    return { ok: true };
  }

  // Views

  newTrigger(userId: string): string {
    return this.views.newTrigger(userId);
  }

  userOfTrigger(trigger: string): string | undefined {
    return this.views.userOfTrigger(trigger);
  }

  viewById(viewId: string): FoundView | undefined {
    return this.views.viewById(viewId);
  }

  viewByExternalId(externalId: string): FoundView | undefined {
    return this.views.byExternalId(externalId);
  }

  modalsOf(user: string): LocalView[] {
    return [...this.views.modalsOf(user)];
  }

  homeOf(user: string): LocalView | null {
    return this.views.homeOf(user);
  }

  /** views.open: the member's modals become this one. */
  openView(user: string, view: Block): LocalView {
    return this.changed(this.views.open(user, view));
  }

  /** views.push: undefined when three modals are already open. */
  pushView(user: string, view: Block): LocalView | undefined {
    const pushed = this.views.push(user, view);
    return pushed && this.changed(pushed);
  }

  /** views.update or `response_action: update`: same id, new hash. */
  replaceView(viewId: string, view: Block): LocalView | undefined {
    const replaced = this.views.replace(viewId, view);
    return replaced && this.changed(replaced);
  }

  publishHome(user: string, view: Block): LocalView {
    return this.changed(this.views.publish(user, view));
  }

  setViewErrors(viewId: string, errors: Record<string, string>): boolean {
    const set = this.views.setErrors(viewId, errors);
    return set && this.changed(set);
  }

  /** Closes the modal and every modal above it. */
  closeView(user: string, viewId: string): boolean {
    const closed = this.views.close(user, viewId);
    return closed && this.changed(closed);
  }

  clearModals(user: string): void {
    if (this.views.clear(user)) this.changed(undefined);
  }

  // Files and mails

  beginUpload(filename: string, length: number): string {
    return this.files.begin(filename, length);
  }

  /**
   * The body the page server received at `/local/upload/<fileId>`: the bytes themselves, or a
   * multipart form holding them (as @slack/web-api's filesUploadV2 sends them); false for an
   * unknown upload.
   */
  receiveUpload(fileId: string, body: Buffer, contentType?: string): boolean {
    return this.files.receive(fileId, uploadedBytes(body, contentType));
  }

  completeUpload(fileId: string, title?: string): LocalFile | undefined {
    return this.files.complete(fileId, title);
  }

  fileBytes(fileId: string): StoredBytes | undefined {
    return this.files.bytes(fileId);
  }

  addMail(mail: IncomingMail): LocalMail {
    return this.changed(this.mails.add(mail));
  }

  mailAttachment(mailId: string, index: number): StoredBytes | undefined {
    return this.mails.attachment(mailId, index);
  }

  // The page's view

  /** Everything `as` sees (`as` null: no member chosen yet, channels only). */
  stateFor(as: string | null, today: string, busy: boolean): PageState {
    const me = as && this.member(as) ? as : null;
    const dm: Conversation[] = me ? [{ id: this.dmOf(me), name: this.bot.name, kind: 'dm' }] : [];
    const conversations = [...dm, ...this.channelList];
    const seen = (m: StoredMessage) => !m.ephemeralTo || m.ephemeralTo === me;
    const messages = Object.fromEntries(conversations.map((c) => [c.id, this.messages.in(c.id).filter(seen).map(forPage)]));
    return {
      locale: this.locale,
      bot: { name: this.bot.name, userId: this.bot.userId },
      users: this.members,
      me,
      conversations,
      messages,
      home: me ? this.views.homeOf(me) : null,
      modals: me ? this.modalsOf(me) : [],
      mails: this.mails.all,
      today,
      busy,
    };
  }
}

/** A message as the page gets it: without its metadata. */
function forPage(message: StoredMessage): LocalMessage {
  const page: LocalMessage & { metadata?: unknown } = { ...message };
  delete page.metadata;
  return page;
}
