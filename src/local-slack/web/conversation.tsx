// A DM or channel: its messages oldest first and the message box.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionInput, Conversation, LocalMessage, PageState } from '../protocol.js';
import { Blocks } from './blocks.js';
import type { Strings } from './strings.js';
import { Mrkdwn } from './text.js';

export interface ConversationProps {
  s: Strings;
  intl: string;
  state: PageState;
  conversation: Conversation;
  onAction: (message: LocalMessage, action: ActionInput) => void;
  onCommand: (text: string) => Promise<string | null>;
}

export function ConversationPane(p: ConversationProps) {
  const messages = p.state.messages[p.conversation.id] ?? [];
  const listRef = useRef<HTMLOListElement>(null);
  const last = messages[messages.length - 1]?.ts;
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [last, p.conversation.id]);
  const title = p.conversation.kind === 'channel' ? `# ${p.conversation.name}` : p.conversation.name;
  return (
    <section class="pane conversation" aria-label={title}>
      <header class="pane-head">
        <h2>{title}</h2>
      </header>
      <ol class="messages" ref={listRef}>
        {messages.length === 0 ? <li class="empty">{p.s.noMessages}</li> : null}
        {messages.map((m) => (
          <MessageView key={m.ts} message={m} {...p} />
        ))}
      </ol>
      <MessageBox key={p.conversation.id} s={p.s} where={title} onCommand={p.onCommand} />
    </section>
  );
}

function MessageView(p: ConversationProps & { message: LocalMessage }) {
  const m = p.message;
  const isBot = m.user === p.state.bot.userId;
  const name = isBot ? p.state.bot.name : (p.state.users.find((u) => u.id === m.user)?.name ?? m.user);
  const at = new Date(Number(m.ts) * 1000);
  const time = Number.isNaN(at.getTime()) ? '' : new Intl.DateTimeFormat(p.intl, { hour: 'numeric', minute: '2-digit' }).format(at);
  const blocks = m.blocks ?? [];
  return (
    <li class={`message${m.ephemeralTo ? ' ephemeral' : ''}`} data-ts={m.ts}>
      <div class={`avatar${isBot ? ' bot' : ''}`} aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </div>
      <div class="message-body">
        <div class="message-meta">
          <span class="author">{name}</span>
          {isBot ? <span class="app-tag">APP</span> : null}
          <time dateTime={Number.isNaN(at.getTime()) ? undefined : at.toISOString()}>{time}</time>
          {m.edited ? <span class="edited">{p.s.edited}</span> : null}
        </div>
        {m.ephemeralTo ? <div class="ephemeral-note">{p.s.onlyYou}</div> : null}
        {blocks.length > 0 ? (
          <Blocks blocks={blocks} s={p.s} scope={`${m.channel}-${m.ts}`} onAction={(a) => p.onAction(m, a)} />
        ) : (
          <Mrkdwn text={m.text} />
        )}
        {(m.files ?? []).map((f) =>
          f.mimetype.startsWith('image/') ? (
            <figure class="file" key={f.id}>
              <img src={f.url} alt={f.title} />
              <figcaption>{f.title}</figcaption>
            </figure>
          ) : (
            <a class="file" key={f.id} href={f.url} download={f.name}>
              {f.title}
            </a>
          ),
        )}
      </div>
    </li>
  );
}

function MessageBox(p: { s: Strings; where: string; onCommand: (text: string) => Promise<string | null> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = (): void => {
    const line = text.trim();
    if (!line || sending) return;
    if (!line.startsWith('/')) {
      setError(p.s.onlyCommands);
      return;
    }
    setSending(true);
    setError(null);
    void p.onCommand(line).then((err) => {
      setSending(false);
      if (err) setError(err);
      else setText('');
    });
  };
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label class="visually-hidden" for="message-box">
        {p.s.message}
      </label>
      <div class="composer-row">
        <textarea
          id="message-box"
          rows={1}
          value={text}
          placeholder={p.s.messagePlaceholder(p.where)}
          aria-describedby={error ? 'message-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" class="bk-btn primary send" disabled={sending}>
          {p.s.send}
        </button>
      </div>
      {error ? (
        <div class="inline-error" id="message-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
