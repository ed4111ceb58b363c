// What the local Slack's page and its server say to each other. The page reads the whole
// state of one member (`GET /local/state?as=U…`) again whenever the server's event stream
// (`GET /local/events`, server-sent events) says something changed, and acts through the
// POST routes below. Block Kit travels as the bot sent it: the page draws it itself.

/** A Block Kit block or element, exactly as the bot sent it. */
export type Block = Record<string, unknown>;

/** A member of the workspace: the users imported into the register. */
export interface LocalUser {
  id: string;
  name: string;
  /** The register's role: collector, lead, manager, admin. */
  role: string;
}

export interface Conversation {
  id: string;
  /** Shown in the sidebar: the bot's name for a DM, the channel's name for a channel. */
  name: string;
  kind: 'dm' | 'channel';
}

/** A file uploaded with files.getUploadURLExternal / files.completeUploadExternal. */
export interface LocalFile {
  id: string;
  title: string;
  name: string;
  mimetype: string;
  /** Where the page loads it from (`/local/files/<id>`). */
  url: string;
}

export interface LocalMessage {
  channel: string;
  ts: string;
  /** Who wrote it: the bot's user id, or a member's. */
  user: string;
  text: string;
  blocks?: Block[];
  files?: LocalFile[];
  /** Set on ephemeral messages: the only member who sees them. */
  ephemeralTo?: string;
  /** Set once chat.update changed it. */
  edited?: boolean;
}

/** A view (modal or App Home) as views.open / update / push / publish left it. */
export interface LocalView {
  id: string;
  hash: string;
  /** The view object the bot sent: type, title, submit, close, blocks, callback_id, private_metadata… */
  view: Block;
  /** `response_action: errors` of the last submission: block_id → message. */
  errors?: Record<string, string>;
}

export interface LocalMailAttachment {
  filename: string;
  contentType: string;
  /** Where the page downloads it from (`/local/mail/<mailId>/<index>`). */
  url: string;
}

/** An email the notices job sent through the local SMTP. */
export interface LocalMail {
  id: string;
  /** ISO instant it arrived. */
  at: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments: LocalMailAttachment[];
}

/** Everything one member sees: `GET /local/state?as=U…` (`me` is null until a member is chosen). */
export interface PageState {
  locale: 'es' | 'en';
  /** The bot's display name and user id (messages by it are shown under that name). */
  bot: { name: string; userId: string };
  users: LocalUser[];
  me: string | null;
  /** The member's DM with the bot first, then every channel the bot posts in. */
  conversations: Conversation[];
  /** By conversation id, oldest first; ephemeral messages of other members left out. */
  messages: Record<string, LocalMessage[]>;
  /** The member's App Home, once the bot has published one. */
  home: LocalView | null;
  /** The member's open modals, bottom first (views.push stacks). */
  modals: LocalView[];
  mails: LocalMail[];
  /** The local Slack's clock: the working day the last morning ran for (YYYY-MM-DD). */
  today: string;
  /** A morning run in progress (the clock control waits). */
  busy: boolean;
}

/** `view.state.values` as Slack sends it: block_id → action_id → the element's state. */
export type ViewValues = Record<string, Record<string, ElementState>>;

export interface ElementState {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string } | null;
  selected_options?: Array<{ text: { type: 'plain_text'; text: string }; value: string }>;
  selected_date?: string | null;
  selected_user?: string | null;
}

/** The element a member used, as block_actions lists it. */
export interface ActionInput {
  action_id: string;
  block_id: string;
  type: string;
  value?: string;
  selected_option?: ElementState['selected_option'];
  selected_date?: string | null;
  selected_user?: string | null;
  text?: { type: 'plain_text'; text: string };
}

/** POST bodies of the page's routes; every one answers `{ ok: true }` or `{ ok: false, error }`. */
export interface PageRequests {
  /** `/local/command`: a line typed in the message box that starts with `/`. */
  command: { as: string; channel: string; text: string };
  /** `/local/action`: a button or select in a message or in a view. */
  action: {
    as: string;
    where: { kind: 'message'; channel: string; ts: string } | { kind: 'view'; viewId: string };
    action: ActionInput;
    /** The view's current input values, when `where` is a view. */
    values?: ViewValues;
  };
  /** `/local/submit`: a modal's submit button. */
  submit: { as: string; viewId: string; values: ViewValues };
  /** `/local/close`: a modal's close button or Escape. */
  close: { as: string; viewId: string };
  /** `/local/home`: the member opened App Home. */
  home: { as: string };
  /** `/local/morning`: run what the scheduler runs on that working day. */
  morning: { date: string };
}

export type PageAnswer = { ok: true } | { ok: false; error: string };
