// The local Slack's page: one member of the demo team at a time, against the real bot.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActionInput, ElementState, LocalMessage, LocalView, PageState } from '../protocol.js';
import { fetchState, post, subscribe } from './api.js';
import { Blocks } from './blocks.js';
import { Clock } from './clock.js';
import { ConversationPane } from './conversation.js';
import type { ValueStore, ViewInputs } from './inputs.js';
import { actionFrom, collectValues, initialState, storeKey } from './inputs.js';
import type { Obj } from './kit.js';
import { blocksOf } from './kit.js';
import { MailPane } from './mail.js';
import { Modal } from './modal.js';
import type { Pane } from './sidebar.js';
import { Sidebar } from './sidebar.js';
import type { Locale } from './strings.js';
import { intlLocale, strings } from './strings.js';
import { DirectoryContext } from './text.js';

const STORAGE_KEY = 'cobranza.localSlack.as';

function initialMember(): string | null {
  const fromQuery = new URLSearchParams(window.location.search).get('as');
  try {
    if (fromQuery) {
      window.localStorage.setItem(STORAGE_KEY, fromQuery);
      return fromQuery;
    }
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return fromQuery;
  }
}

function rememberMember(id: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private windows may refuse storage: the query parameter still remembers.
  }
  const url = new URL(window.location.href);
  url.searchParams.set('as', id);
  window.history.replaceState(null, '', url);
}

function App() {
  const [me, setMe] = useState<string | null>(initialMember);
  const [state, setState] = useState<PageState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane | null>(null);
  const [store, setStore] = useState<ValueStore>({});
  const [seen, setSeen] = useState<Record<string, number>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [modalError, setModalError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [mailId, setMailId] = useState<string | null>(null);

  // Fetch the state again on every event, one request at a time, the last one winning.
  const meRef = useRef(me);
  meRef.current = me;
  const inflight = useRef(false);
  const again = useRef(false);
  const refresh = useCallback(() => {
    if (inflight.current) {
      again.current = true;
      return;
    }
    inflight.current = true;
    const asked = meRef.current;
    fetchState(asked)
      .then((next) => {
        if (asked === meRef.current) {
          setState(next);
          setLoadError(null);
        } else again.current = true;
      })
      .catch((err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        inflight.current = false;
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, []);

  useEffect(() => subscribe(refresh), [refresh]);
  useEffect(() => {
    setSeen({});
    refresh();
  }, [me, refresh]);

  const locale: Locale = state?.locale ?? (document.documentElement.lang === 'en' ? 'en' : 'es');
  const s = strings(locale);
  const intl = intlLocale(locale);
  const as = state?.me ?? null;

  useEffect(() => {
    document.title = `${state?.bot.name ?? 'Cobranza'} · ${s.local}`;
  }, [state?.bot.name, s]);

  // Default pane: the bot's DM; a pane that no longer exists falls back to it.
  const effectivePane: Pane | null = useMemo(() => {
    if (!state) return null;
    if (pane && (pane.kind !== 'conversation' || state.conversations.some((c) => c.id === pane.id))) return pane;
    const first = state.conversations[0];
    return first ? { kind: 'conversation', id: first.id } : { kind: 'home' };
  }, [pane, state]);

  // Unread counts: what arrived since the member last looked (nothing is unread at first).
  useEffect(() => {
    if (!state) return;
    setSeen((prev) => {
      const next = { ...prev };
      for (const c of state.conversations) {
        const count = (state.messages[c.id] ?? []).length;
        const looking = effectivePane?.kind === 'conversation' && effectivePane.id === c.id;
        if (next[c.id] === undefined || looking || (next[c.id] ?? 0) > count) next[c.id] = count;
      }
      if (next['mail'] === undefined || effectivePane?.kind === 'mail' || (next['mail'] ?? 0) > state.mails.length) next['mail'] = state.mails.length;
      return JSON.stringify(next) === JSON.stringify(prev) ? prev : next;
    });
  }, [state, effectivePane]);
  const unread = useMemo(() => {
    const out: Record<string, number> = {};
    if (!state) return out;
    for (const c of state.conversations) out[c.id] = Math.max(0, (state.messages[c.id] ?? []).length - (seen[c.id] ?? 0));
    out['mail'] = Math.max(0, state.mails.length - (seen['mail'] ?? 0));
    return out;
  }, [state, seen]);

  // Opening App Home asks the bot to publish it.
  const homeOpen = effectivePane?.kind === 'home';
  useEffect(() => {
    if (!homeOpen || !as) return;
    void post('home', { as }).then((answer) => {
      if (!answer.ok) setBanner(answer.error);
    });
  }, [homeOpen, as]);

  const report = (answer: { ok: boolean; error?: string }): string | null => (answer.ok ? null : (answer.error ?? 'error'));

  const onMessageAction = (message: LocalMessage, action: ActionInput): void => {
    if (!as) return;
    void post('action', { as, where: { kind: 'message', channel: message.channel, ts: message.ts }, action, values: undefined }).then((a) =>
      setBanner(report(a)),
    );
  };

  const viewInputs = (view: LocalView): ViewInputs => {
    const blocks = blocksOf(view.view);
    return {
      viewId: view.id,
      store,
      errors: view.errors ?? {},
      users: state?.users ?? [],
      s,
      change: (blockId: string, actionId: string, el: Obj, next: ElementState, dispatch: boolean) => {
        const key = storeKey(view.id, blockId, actionId);
        const entry = { state: next, initial: JSON.stringify(initialState(el)) };
        setStore((prev) => ({ ...prev, [key]: entry }));
        if (!dispatch || !as) return;
        const values = collectValues(view.id, blocks, store, { key, state: next });
        void post('action', { as, where: { kind: 'view', viewId: view.id }, action: actionFrom(el, blockId, actionId, next), values }).then((a) => {
          const err = report(a);
          if (view.view['type'] === 'modal') setModalError(err);
          else setBanner(err);
        });
      },
    };
  };

  const onViewAction = (view: LocalView) => (action: ActionInput) => {
    if (!as) return;
    const values = collectValues(view.id, blocksOf(view.view), store);
    void post('action', { as, where: { kind: 'view', viewId: view.id }, action, values }).then((a) => {
      const err = report(a);
      if (view.view['type'] === 'modal') setModalError(err);
      else setBanner(err);
    });
  };

  const top = state?.modals[state.modals.length - 1];
  useEffect(() => setModalError(null), [top?.id]);

  if (!state) {
    return <div class="loading">{loadError ? `${s.loadFailed}: ${loadError}` : s.loading}</div>;
  }

  const conversation = effectivePane?.kind === 'conversation' ? state.conversations.find((c) => c.id === effectivePane.id) : undefined;

  return (
    <DirectoryContext.Provider value={{ users: state.users, conversations: state.conversations, intl }}>
      <div class="app">
        <header class="topbar">
          <div class="brand">
            {state.bot.name} <span class="brand-sub">· {s.local}</span>
          </div>
          <div class="who">
            <label for="member">{s.user}</label>
            <select
              id="member"
              value={as ?? ''}
              onChange={(e) => {
                const id = e.currentTarget.value;
                if (!id) return;
                rememberMember(id);
                setMe(id);
              }}
            >
              {as ? null : <option value="">{s.chooseUser}</option>}
              {state.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} — {s.roles[u.role] ?? u.role}
                </option>
              ))}
            </select>
          </div>
          <Clock
            s={s}
            today={state.today}
            busy={state.busy}
            onRun={async (date) => report(await post('morning', { date }))}
          />
        </header>
        <div class="main">
          <Sidebar
            s={s}
            workspace={state.bot.name}
            conversations={state.conversations}
            unread={unread}
            pane={effectivePane ?? { kind: 'home' }}
            onSelect={setPane}
          />
          <main class="content">
            {banner ? (
              <div class="banner" role="alert">
                <span>{banner}</span>
                <button type="button" class="banner-x" aria-label={s.dismiss} onClick={() => setBanner(null)}>
                  ×
                </button>
              </div>
            ) : null}
            {!as ? (
              <p class="empty choose">{s.chooseUserHint}</p>
            ) : effectivePane?.kind === 'mail' ? (
              <MailPane s={s} intl={intl} mails={state.mails} selected={mailId} onSelect={setMailId} />
            ) : effectivePane?.kind === 'home' ? (
              <section class="pane home" aria-label={s.appHome}>
                <header class="pane-head">
                  <h2>{s.appHome}</h2>
                </header>
                <div class="home-body">
                  {state.home ? (
                    <Blocks
                      blocks={blocksOf(state.home.view)}
                      s={s}
                      scope={state.home.id}
                      onAction={onViewAction(state.home)}
                      v={viewInputs(state.home)}
                    />
                  ) : (
                    <p class="empty">{s.homeEmpty}</p>
                  )}
                </div>
              </section>
            ) : conversation ? (
              <ConversationPane
                s={s}
                intl={intl}
                state={state}
                conversation={conversation}
                onAction={onMessageAction}
                onCommand={async (text) => report(await post('command', { as, channel: conversation.id, text }))}
              />
            ) : null}
          </main>
        </div>
        {top && as ? (
          <Modal
            key={top.id}
            view={top}
            depth={state.modals.length}
            s={s}
            v={viewInputs(top)}
            busy={submitting}
            error={modalError}
            onAction={onViewAction(top)}
            onSubmit={() => {
              setSubmitting(true);
              setModalError(null);
              const values = collectValues(top.id, blocksOf(top.view), store);
              void post('submit', { as, viewId: top.id, values }).then((a) => {
                setSubmitting(false);
                setModalError(report(a));
              });
            }}
            onClose={() => {
              void post('close', { as, viewId: top.id }).then((a) => setModalError(report(a)));
            }}
          />
        ) : null}
      </div>
    </DirectoryContext.Provider>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
