// The sidebar: the bot's DM, the channels, App Home and Mail.
import type { Conversation } from '../protocol.js';
import type { Strings } from './strings.js';

export type Pane = { kind: 'conversation'; id: string } | { kind: 'home' } | { kind: 'mail' };

export function samePane(a: Pane, b: Pane): boolean {
  return a.kind === b.kind && (a.kind !== 'conversation' || (b.kind === 'conversation' && a.id === b.id));
}

export interface SidebarProps {
  s: Strings;
  workspace: string;
  conversations: Conversation[];
  unread: Record<string, number>;
  pane: Pane;
  onSelect: (pane: Pane) => void;
}

export function Sidebar(p: SidebarProps) {
  const item = (pane: Pane, label: string, icon: string, key: string, unread = 0) => {
    const current = samePane(pane, p.pane);
    return (
      <li key={key}>
        <button
          type="button"
          class={`side-item${current ? ' current' : ''}${unread > 0 ? ' unread' : ''}`}
          aria-current={current ? 'page' : undefined}
          data-pane={key}
          onClick={() => p.onSelect(pane)}
        >
          <span class="side-icon" aria-hidden="true">
            {icon}
          </span>
          <span class="side-label">{label}</span>
          {unread > 0 ? (
            <span class="badge" aria-label={p.s.unread(unread)}>
              {unread}
            </span>
          ) : null}
        </button>
      </li>
    );
  };
  const dms = p.conversations.filter((c) => c.kind === 'dm');
  const channels = p.conversations.filter((c) => c.kind === 'channel');
  return (
    <nav class="sidebar" aria-label={p.workspace}>
      <div class="workspace">{p.workspace}</div>
      <div class="side-section">{p.s.directMessages}</div>
      <ul class="side-list">
        {dms.map((c) => item({ kind: 'conversation', id: c.id }, c.name, '●', c.id, p.unread[c.id] ?? 0))}
      </ul>
      {channels.length > 0 ? <div class="side-section">{p.s.channels}</div> : null}
      <ul class="side-list">
        {channels.map((c) => item({ kind: 'conversation', id: c.id }, `# ${c.name}`, '', c.id, p.unread[c.id] ?? 0))}
      </ul>
      <ul class="side-list apps">
        {item({ kind: 'home' }, p.s.appHome, '⌂', 'home')}
        {item({ kind: 'mail' }, p.s.mail, '✉', 'mail', p.unread['mail'] ?? 0)}
      </ul>
    </nav>
  );
}
