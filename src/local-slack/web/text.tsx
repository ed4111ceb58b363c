// Text objects and mrkdwn, drawn as elements (never as HTML strings).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Conversation, LocalUser } from '../protocol.js';
import type { Obj } from './kit.js';
import { str } from './kit.js';
import type { Inline } from './mrkdwn.js';
import { formatSlackDate, parseMrkdwn, safeUrl } from './mrkdwn.js';

export interface Directory {
  users: LocalUser[];
  conversations: Conversation[];
  /** BCP 47 tag for dates. */
  intl: string;
}

export const DirectoryContext = createContext<Directory>({ users: [], conversations: [], intl: 'es-MX' });

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => (
        <InlineNode key={i} node={n} />
      ))}
    </>
  );
}

function InlineNode({ node }: { node: Inline }) {
  const dir = useContext(DirectoryContext);
  switch (node.t) {
    case 'text':
      return <>{node.text}</>;
    case 'br':
      return <br />;
    case 'bold':
      return (
        <strong>
          <InlineNodes nodes={node.children} />
        </strong>
      );
    case 'italic':
      return (
        <em>
          <InlineNodes nodes={node.children} />
        </em>
      );
    case 'strike':
      return (
        <s>
          <InlineNodes nodes={node.children} />
        </s>
      );
    case 'code':
      return <code>{node.text}</code>;
    case 'link': {
      const href = safeUrl(node.url);
      const body = <InlineNodes nodes={node.children} />;
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {body}
        </a>
      ) : (
        body
      );
    }
    case 'user': {
      const user = dir.users.find((u) => u.id === node.id);
      return (
        <span class="mention" data-user-id={node.id}>
          @{user?.name ?? node.label ?? node.id}
        </span>
      );
    }
    case 'channel': {
      const conv = dir.conversations.find((c) => c.id === node.id);
      return (
        <span class="mention channel" data-channel-id={node.id}>
          #{conv?.name ?? node.label ?? node.id}
        </span>
      );
    }
    case 'special':
      return <span class="mention">{node.label ?? `@${node.name}`}</span>;
    case 'date': {
      const text = formatSlackDate(node.unix, node.format, dir.intl) || node.fallback;
      const href = node.link ? safeUrl(node.link) : null;
      return (
        <time dateTime={new Date(node.unix * 1000).toISOString()}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {text}
            </a>
          ) : (
            text
          )}
        </time>
      );
    }
  }
}

/** A mrkdwn text: paragraphs, quotes, preformatted blocks. */
export function Mrkdwn({ text, inline }: { text: string; inline?: boolean }) {
  const blocks = parseMrkdwn(text);
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag class="mrkdwn">
      {blocks.map((b, i) =>
        b.t === 'pre' ? (
          <pre key={i}>{b.text}</pre>
        ) : b.t === 'quote' ? (
          <blockquote key={i}>
            <InlineNodes nodes={b.children} />
          </blockquote>
        ) : (
          <span class="para" key={i}>
            <InlineNodes nodes={b.children} />
          </span>
        ),
      )}
    </Tag>
  );
}

/** A Block Kit text object: mrkdwn (unless verbatim… still mrkdwn) or plain text. */
export function TextObj({ text }: { text: Obj | undefined }) {
  if (!text) return null;
  const body = str(text, 'text') ?? '';
  if (str(text, 'type') === 'mrkdwn') return <Mrkdwn text={body} inline />;
  return <span class="plain">{body}</span>;
}
