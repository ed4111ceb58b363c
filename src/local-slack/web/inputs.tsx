// Stateful Block Kit elements (inputs in views, selects anywhere) and the values they hold.
import type { ActionInput, ElementState, LocalUser, ViewValues } from '../protocol.js';
import type { Obj, Option } from './kit.js';
import { actionIdOf, arr, blockIdOf, bool, domId, num, obj, optionsOf, str, textOf, toOption } from './kit.js';
import type { Strings } from './strings.js';
import { Mrkdwn, TextObj } from './text.js';

/** What a member typed or chose, with the initial value it was typed over. */
export interface Stored {
  state: ElementState;
  initial: string;
}
export type ValueStore = Record<string, Stored>;

export const STATEFUL = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'datepicker',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'radio_buttons',
  'checkboxes',
  'multi_static_select',
]);

const plain = (o: Option): NonNullable<ElementState['selected_option']> =>
  ({ text: o.text, value: o.value }) as NonNullable<ElementState['selected_option']>;

/** The element's state before anyone touched it, as view.state.values shows it. */
export function initialState(el: Obj): ElementState {
  const type = str(el, 'type') ?? '';
  switch (type) {
    case 'datepicker':
      return { type, selected_date: str(el, 'initial_date') ?? null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const o = obj(el, 'initial_option');
      return { type, selected_option: o ? plain(toOption(o)) : null };
    }
    case 'users_select':
      return { type, selected_user: str(el, 'initial_user') ?? null };
    case 'conversations_select':
    case 'channels_select':
      return { type, value: str(el, 'initial_conversation') ?? str(el, 'initial_channel') ?? null };
    case 'checkboxes':
    case 'multi_static_select':
      return { type, selected_options: arr(el, 'initial_options').map((o) => plain(toOption(o))) };
    default:
      return { type, value: str(el, 'initial_value') ?? null };
  }
}

export const storeKey = (viewId: string, blockId: string, actionId: string): string => `${viewId}|${blockId}|${actionId}`;

/** The value to show: what was entered, unless the bot changed the element's initial value since. */
export function currentState(store: ValueStore, viewId: string, blockId: string, actionId: string, el: Obj): ElementState {
  const initial = initialState(el);
  const stored = store[storeKey(viewId, blockId, actionId)];
  if (stored && stored.initial === JSON.stringify(initial) && stored.state.type === initial.type) return stored.state;
  return initial;
}

/** Every stateful element of the view, as Slack's view.state.values. */
export function collectValues(viewId: string, blocks: Obj[], store: ValueStore, override?: { key: string; state: ElementState }): ViewValues {
  const values: ViewValues = {};
  const add = (blockId: string, actionId: string, el: Obj): void => {
    if (!STATEFUL.has(str(el, 'type') ?? '')) return;
    const key = storeKey(viewId, blockId, actionId);
    const state = override && override.key === key ? override.state : currentState(store, viewId, blockId, actionId, el);
    (values[blockId] ??= {})[actionId] = state;
  };
  blocks.forEach((block, i) => {
    const blockId = blockIdOf(block, i);
    const type = str(block, 'type');
    if (type === 'input') {
      const el = obj(block, 'element');
      if (el) add(blockId, actionIdOf(el, 0), el);
    } else if (type === 'actions') {
      arr(block, 'elements').forEach((el, j) => add(blockId, actionIdOf(el, j), el));
    } else if (type === 'section') {
      const acc = obj(block, 'accessory');
      if (acc) add(blockId, actionIdOf(acc, 0), acc);
    }
  });
  return values;
}

/** The action block_actions reports for a stateful element that changed. */
export function actionFrom(el: Obj, blockId: string, actionId: string, state: ElementState): ActionInput {
  const action: ActionInput = { action_id: actionId, block_id: blockId, type: state.type };
  if (state.selected_option !== undefined) action.selected_option = state.selected_option;
  if (state.selected_date !== undefined) action.selected_date = state.selected_date;
  if (state.selected_user !== undefined) action.selected_user = state.selected_user;
  if (state.value !== undefined && state.value !== null) action.value = state.value;
  if (state.selected_options !== undefined) Object.assign(action, { selected_options: state.selected_options });
  const placeholder = obj(el, 'placeholder');
  if (placeholder && str(el, 'type')?.endsWith('select')) Object.assign(action, { placeholder });
  return action;
}

export interface ControlProps {
  el: Obj;
  id: string;
  state: ElementState;
  /** `commit`: the member finished (a choice, Enter): dispatch when the block asks to. */
  onChange: (state: ElementState, commit: boolean) => void;
  users: LocalUser[];
  s: Strings;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
  /** A label for controls without a visible one (selects in actions blocks). */
  ariaLabel?: string;
}

function findOption(el: Obj, value: string): Option | undefined {
  for (const g of optionsOf(el)) for (const o of g.options) if (o.value === value) return o;
  return undefined;
}

function SelectOptions({ el }: { el: Obj }) {
  return (
    <>
      {optionsOf(el).map((g, gi) =>
        g.group !== undefined ? (
          <optgroup key={gi} label={g.group}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {textOf(o.text)}
              </option>
            ))}
          </optgroup>
        ) : (
          g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {textOf(o.text)}
            </option>
          ))
        ),
      )}
    </>
  );
}

/** One element as an HTML form control. */
export function Control(p: ControlProps) {
  const { el, id, state } = p;
  const type = str(el, 'type') ?? '';
  const placeholder = textOf(obj(el, 'placeholder')) || undefined;
  const common = {
    id,
    'aria-describedby': p.describedBy,
    'aria-invalid': p.invalid ? true : undefined,
    'aria-label': p.ariaLabel,
    required: p.required,
  };
  // Typing sends the action only where the element asks for it on each character.
  const onTextInput = (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    p.onChange({ type, value: v === '' ? null : v }, triggersOnCharacter(el));
  };
  const text = (inputType: string, extra: Record<string, unknown> = {}) => (
    <input
      {...common}
      {...extra}
      class="field"
      type={inputType}
      value={state.value ?? ''}
      placeholder={placeholder}
      minLength={num(el, 'min_length')}
      maxLength={num(el, 'max_length')}
      onInput={onTextInput}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          p.onChange({ type, value: e.currentTarget.value === '' ? null : e.currentTarget.value }, true);
        }
      }}
    />
  );
  switch (type) {
    case 'plain_text_input':
      if (bool(el, 'multiline'))
        return (
          <textarea
            {...common}
            class="field"
            rows={4}
            value={state.value ?? ''}
            placeholder={placeholder}
            minLength={num(el, 'min_length')}
            maxLength={num(el, 'max_length')}
            onInput={onTextInput}
          />
        );
      return text('text');
    case 'email_text_input':
      return text('email');
    case 'url_text_input':
      return text('url');
    case 'number_input': {
      const decimal = bool(el, 'is_decimal_allowed');
      return text('number', {
        step: decimal ? 'any' : '1',
        min: str(el, 'min_value'),
        max: str(el, 'max_value'),
        inputMode: decimal ? 'decimal' : 'numeric',
        minLength: undefined,
        maxLength: undefined,
      });
    }
    case 'datepicker':
      return (
        <input
          {...common}
          class="field"
          type="date"
          value={state.selected_date ?? ''}
          onChange={(e) => p.onChange({ type, selected_date: e.currentTarget.value || null }, true)}
        />
      );
    case 'static_select':
    case 'external_select': {
      const selected = state.selected_option?.value ?? '';
      return (
        <select
          {...common}
          class="field"
          value={selected}
          onChange={(e) => {
            const o = findOption(el, e.currentTarget.value);
            p.onChange({ type, selected_option: o ? plain(o) : null }, true);
          }}
        >
          {!obj(el, 'initial_option') || selected === '' ? <option value="">{placeholder ?? ''}</option> : null}
          <SelectOptions el={el} />
        </select>
      );
    }
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const isUser = type === 'users_select';
      const selected = (isUser ? state.selected_user : state.value) ?? '';
      return (
        <select
          {...common}
          class="field"
          value={selected}
          onChange={(e) => {
            const v = e.currentTarget.value || null;
            p.onChange(isUser ? { type, selected_user: v } : { type, value: v }, true);
          }}
        >
          <option value="">{placeholder ?? ''}</option>
          {isUser
            ? p.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))
            : null}
        </select>
      );
    }
    case 'multi_static_select': {
      const selected = new Set((state.selected_options ?? []).map((o) => o.value));
      return (
        <select
          {...common}
          class="field"
          multiple
          onChange={(e) => {
            const chosen = Array.from(e.currentTarget.selectedOptions).map((o) => findOption(el, o.value));
            p.onChange({ type, selected_options: chosen.filter((o): o is Option => !!o).map(plain) }, true);
          }}
        >
          {optionsOf(el).flatMap((g) =>
            g.options.map((o) => (
              <option key={o.value} value={o.value} selected={selected.has(o.value)}>
                {textOf(o.text)}
              </option>
            )),
          )}
        </select>
      );
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const radio = type === 'radio_buttons';
      const chosen = new Set(radio ? [state.selected_option?.value ?? ''] : (state.selected_options ?? []).map((o) => o.value));
      const options = arr(el, 'options').map((raw) => ({ ...toOption(raw), description: obj(raw, 'description') }));
      return (
        <div class="choices" id={id} role={radio ? 'radiogroup' : 'group'} aria-describedby={p.describedBy} aria-label={p.ariaLabel}>
          {options.map((o, i) => {
            const optId = `${id}--${i}`;
            return (
              <div class="choice" key={o.value}>
                <input
                  id={optId}
                  type={radio ? 'radio' : 'checkbox'}
                  name={id}
                  value={o.value}
                  checked={chosen.has(o.value)}
                  required={radio ? p.required : undefined}
                  aria-invalid={p.invalid ? true : undefined}
                  onChange={(e) => {
                    if (radio) {
                      p.onChange({ type, selected_option: plain(o) }, true);
                      return;
                    }
                    const next = options.filter((x) => (x.value === o.value ? e.currentTarget.checked : chosen.has(x.value)));
                    p.onChange({ type, selected_options: next.map(plain) }, true);
                  }}
                />
                <label for={optId}>
                  <TextObj text={o.text} />
                  {o.description ? (
                    <span class="choice-desc">
                      <TextObj text={o.description} />
                    </span>
                  ) : null}
                </label>
              </div>
            );
          })}
        </div>
      );
    }
    default:
      return <span class="unsupported">[{type}]</span>;
  }
}

function triggersOnCharacter(el: Obj): boolean {
  const raw = obj(el, 'dispatch_action_config')?.['trigger_actions_on'];
  return Array.isArray(raw) && raw.includes('on_character_entered');
}

export interface ViewInputs {
  viewId: string;
  store: ValueStore;
  errors: Record<string, string>;
  users: LocalUser[];
  s: Strings;
  /** The member changed an element; `dispatch` when block_actions must go to the bot. */
  change: (blockId: string, actionId: string, el: Obj, state: ElementState, dispatch: boolean) => void;
}

const GROUPS = new Set(['radio_buttons', 'checkboxes']);

/** An input block: label bound to its control, hint, optional mark, the bot's error. */
export function InputBlock({ block, index, v }: { block: Obj; index: number; v: ViewInputs }) {
  const el = obj(block, 'element');
  if (!el) return null;
  const blockId = blockIdOf(block, index);
  const actionId = actionIdOf(el, 0);
  const id = domId('in', v.viewId, blockId, actionId);
  const label = textOf(obj(block, 'label'));
  const hint = obj(block, 'hint');
  const optional = bool(block, 'optional');
  const error = v.errors[blockId];
  const hintId = hint ? `${id}--hint` : undefined;
  const errorId = error ? `${id}--error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const state = currentState(v.store, v.viewId, blockId, actionId, el);
  const dispatch = bool(block, 'dispatch_action');
  const control = (
    <Control
      el={el}
      id={id}
      state={state}
      users={v.users}
      s={v.s}
      required={!optional}
      describedBy={describedBy}
      invalid={!!error}
      onChange={(next, commit) => v.change(blockId, actionId, el, next, dispatch && commit)}
    />
  );
  const after = (
    <>
      {hint ? (
        <div class="hint" id={hintId}>
          <TextObj text={hint} />
        </div>
      ) : null}
      {error ? (
        <div class="field-error" id={errorId} role="alert">
          <Mrkdwn text={error} />
        </div>
      ) : null}
    </>
  );
  const type = str(el, 'type') ?? '';
  if (GROUPS.has(type))
    return (
      <fieldset class={`bk-input${error ? ' has-error' : ''}`} data-block-id={blockId}>
        <legend class="input-label">{label}</legend>
        {optional ? <span class="optional">{v.s.optional}</span> : null}
        {control}
        {after}
      </fieldset>
    );
  return (
    <div class={`bk-input${error ? ' has-error' : ''}`} data-block-id={blockId}>
      <div class="input-label-row">
        <label class="input-label" for={id}>
          {label}
        </label>
        {optional ? <span class="optional">{v.s.optional}</span> : null}
      </div>
      {control}
      {after}
    </div>
  );
}
