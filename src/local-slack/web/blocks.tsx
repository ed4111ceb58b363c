// Block Kit blocks, drawn from exactly what the bot sent.
import type { ComponentChild } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { ActionInput, ElementState } from '../protocol.js';
import type { ViewInputs } from './inputs.js';
import { Control, InputBlock, STATEFUL, actionFrom, currentState, initialState } from './inputs.js';
import type { Obj } from './kit.js';
import { actionIdOf, arr, blockIdOf, domId, obj, str, textOf, toOption } from './kit.js';
import type { Strings } from './strings.js';
import { DirectoryContext, Mrkdwn, TextObj } from './text.js';

export interface BlocksProps {
  blocks: Obj[];
  s: Strings;
  /** Buttons and overflow menus: a click. */
  onAction: (action: ActionInput) => void;
  /** Inside a view: inputs and selects keep their values there. */
  v?: ViewInputs | undefined;
  /** Distinguishes element ids of different messages. */
  scope: string;
}

export function Blocks(p: BlocksProps) {
  return (
    <div class="blocks">
      {p.blocks.map((block, i) => (
        <BlockView key={`${str(block, 'block_id') ?? ''}-${i}`} block={block} index={i} p={p} />
      ))}
    </div>
  );
}

function BlockView({ block, index, p }: { block: Obj; index: number; p: BlocksProps }) {
  const type = str(block, 'type');
  const blockId = blockIdOf(block, index);
  const error = p.v && type !== 'input' ? p.v.errors[blockId] : undefined;
  const body = (() => {
    switch (type) {
      case 'header':
        return <h3 class="bk-header">{textOf(obj(block, 'text'))}</h3>;
      case 'divider':
        return <hr class="bk-divider" />;
      case 'section':
        return <Section block={block} blockId={blockId} p={p} />;
      case 'context':
        return (
          <div class="bk-context">
            {arr(block, 'elements').map((el, i) =>
              str(el, 'type') === 'image' ? (
                <img key={i} class="ctx-img" src={str(el, 'image_url')} alt={str(el, 'alt_text') ?? ''} />
              ) : (
                <span key={i} class="ctx-text">
                  <TextObj text={el} />
                </span>
              ),
            )}
          </div>
        );
      case 'actions':
        return (
          <div class="bk-actions">
            {arr(block, 'elements').map((el, i) => (
              <Element key={`${actionIdOf(el, i)}`} el={el} blockId={blockId} actionId={actionIdOf(el, i)} p={p} />
            ))}
          </div>
        );
      case 'image': {
        const title = obj(block, 'title');
        return (
          <figure class="bk-image">
            {title ? (
              <figcaption>
                <TextObj text={title} />
              </figcaption>
            ) : null}
            <img src={str(block, 'image_url') ?? str(obj(block, 'slack_file'), 'url')} alt={str(block, 'alt_text') ?? ''} />
          </figure>
        );
      }
      case 'input':
        return p.v ? <InputBlock block={block} index={index} v={p.v} /> : null;
      case 'rich_text':
        return <RichText block={block} />;
      default:
        return null;
    }
  })();
  return (
    <div class={`bk-block bk-${type ?? 'unknown'}`} data-block-id={str(block, 'block_id')}>
      {body}
      {error ? (
        <div class="field-error" role="alert">
          <Mrkdwn text={error} />
        </div>
      ) : null}
    </div>
  );
}

function Section({ block, blockId, p }: { block: Obj; blockId: string; p: BlocksProps }) {
  const fields = arr(block, 'fields');
  const accessory = obj(block, 'accessory');
  return (
    <div class="bk-section-row">
      <div class="bk-section-main">
        {obj(block, 'text') ? (
          <div class="bk-section-text">
            <TextObj text={obj(block, 'text')} />
          </div>
        ) : null}
        {fields.length > 0 ? (
          <div class="bk-fields">
            {fields.map((f, i) => (
              <div class="bk-field" key={i}>
                <TextObj text={f} />
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {accessory ? (
        <div class="bk-accessory">
          <Element el={accessory} blockId={blockId} actionId={actionIdOf(accessory, 0)} p={p} />
        </div>
      ) : null}
    </div>
  );
}

function Element({ el, blockId, actionId, p }: { el: Obj; blockId: string; actionId: string; p: BlocksProps }) {
  const type = str(el, 'type') ?? '';
  if (type === 'button') return <Button el={el} blockId={blockId} actionId={actionId} p={p} />;
  if (type === 'image') return <img class="accessory-img" src={str(el, 'image_url')} alt={str(el, 'alt_text') ?? ''} />;
  if (type === 'overflow') return <Overflow el={el} blockId={blockId} actionId={actionId} p={p} />;
  if (STATEFUL.has(type)) return <Stateful el={el} blockId={blockId} actionId={actionId} p={p} />;
  return null;
}

function Button({ el, blockId, actionId, p }: { el: Obj; blockId: string; actionId: string; p: BlocksProps }) {
  const text = textOf(obj(el, 'text'));
  const style = str(el, 'style');
  const url = str(el, 'url');
  return (
    <button
      type="button"
      class={`bk-btn${style === 'primary' ? ' primary' : style === 'danger' ? ' danger' : ''}`}
      data-action-id={actionId}
      aria-label={str(el, 'accessibility_label')}
      onClick={() => {
        if (url && /^https?:/i.test(url)) window.open(url, '_blank', 'noopener');
        const action: ActionInput = { action_id: actionId, block_id: blockId, type: 'button', text: { type: 'plain_text', text } };
        const value = str(el, 'value');
        if (value !== undefined) action.value = value;
        p.onAction(action);
      }}
    >
      {text}
    </button>
  );
}

function Overflow({ el, blockId, actionId, p }: { el: Obj; blockId: string; actionId: string; p: BlocksProps }) {
  const [open, setOpen] = useState(false);
  const options = arr(el, 'options').map(toOption);
  const menuId = domId('overflow', p.scope, blockId, actionId);
  return (
    <span class="overflow">
      <button
        type="button"
        class="bk-btn overflow-btn"
        aria-label={p.s.more}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open ? (
        <span class="overflow-menu" role="menu" id={menuId}>
          {options.map((o) => (
            <button
              type="button"
              role="menuitem"
              key={o.value}
              onClick={() => {
                setOpen(false);
                p.onAction({
                  action_id: actionId,
                  block_id: blockId,
                  type: 'overflow',
                  selected_option: { text: { type: 'plain_text', text: textOf(o.text) }, value: o.value },
                });
              }}
            >
              {textOf(o.text)}
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}

/** A select or date picker outside an input block: its change is an action right away. */
function Stateful({ el, blockId, actionId, p }: { el: Obj; blockId: string; actionId: string; p: BlocksProps }) {
  const dir = useContext(DirectoryContext);
  const [local, setLocal] = useState<{ key: string; state: ElementState } | null>(null);
  const id = domId('el', p.scope, blockId, actionId);
  const label = textOf(obj(el, 'placeholder')) || actionId;
  if (p.v) {
    const v = p.v;
    return (
      <Control
        el={el}
        id={id}
        ariaLabel={label}
        state={currentState(v.store, v.viewId, blockId, actionId, el)}
        users={dir.users}
        s={p.s}
        onChange={(state, commit) => v.change(blockId, actionId, el, state, commit)}
      />
    );
  }
  const key = JSON.stringify(el);
  const state = local && local.key === key ? local.state : initialState(el);
  return (
    <Control
      el={el}
      id={id}
      ariaLabel={label}
      state={state}
      users={dir.users}
      s={p.s}
      onChange={(next, commit) => {
        setLocal({ key, state: next });
        if (commit) p.onAction(actionFrom(el, blockId, actionId, next));
      }}
    />
  );
}

// rich_text: sections, lists, preformatted and quotes with styled text runs.
function RichText({ block }: { block: Obj }) {
  return (
    <div class="rich-text">
      {arr(block, 'elements').map((el, i) => (
        <RichElement key={i} el={el} />
      ))}
    </div>
  );
}

function RichElement({ el }: { el: Obj }) {
  const type = str(el, 'type');
  const runs = <RichRuns runs={arr(el, 'elements')} />;
  switch (type) {
    case 'rich_text_section':
      return <div class="rt-section">{runs}</div>;
    case 'rich_text_preformatted':
      return <pre>{runs}</pre>;
    case 'rich_text_quote':
      return <blockquote>{runs}</blockquote>;
    case 'rich_text_list': {
      const items = arr(el, 'elements').map((item, i) => (
        <li key={i}>
          <RichRuns runs={arr(item, 'elements')} />
        </li>
      ));
      const indent = Number(el['indent'] ?? 0);
      const style = { marginLeft: `${indent * 1.5}em` };
      return str(el, 'style') === 'ordered' ? <ol style={style}>{items}</ol> : <ul style={style}>{items}</ul>;
    }
    default:
      return null;
  }
}

function RichRuns({ runs }: { runs: Obj[] }) {
  const dir = useContext(DirectoryContext);
  return (
    <>
      {runs.map((run, i) => {
        const type = str(run, 'type');
        let node: ComponentChild;
        if (type === 'text') node = str(run, 'text') ?? '';
        else if (type === 'link') {
          const url = str(run, 'url') ?? '';
          node = /^(https?:|mailto:)/i.test(url) ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {str(run, 'text') ?? url}
            </a>
          ) : (
            (str(run, 'text') ?? url)
          );
        } else if (type === 'user') {
          const id = str(run, 'user_id') ?? '';
          node = <span class="mention">@{dir.users.find((u) => u.id === id)?.name ?? id}</span>;
        } else if (type === 'channel') {
          const id = str(run, 'channel_id') ?? '';
          node = <span class="mention">#{dir.conversations.find((c) => c.id === id)?.name ?? id}</span>;
        } else if (type === 'emoji') node = str(run, 'unicode') ? String.fromCodePoint(...(str(run, 'unicode') ?? '').split('-').map((h) => parseInt(h, 16))) : `:${str(run, 'name') ?? ''}:`;
        else if (type === 'broadcast') node = <span class="mention">@{str(run, 'range') ?? ''}</span>;
        else if (type === 'date') node = <Mrkdwn inline text={`<!date^${str(run, 'timestamp') ?? '0'}^${str(run, 'format') ?? '{date_short}'}|${str(run, 'fallback') ?? ''}>`} />;
        else node = null;
        const style = obj(run, 'style');
        if (style?.['code']) node = <code>{node}</code>;
        if (style?.['bold']) node = <strong>{node}</strong>;
        if (style?.['italic']) node = <em>{node}</em>;
        if (style?.['strike']) node = <s>{node}</s>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}
