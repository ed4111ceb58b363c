// The top modal of the member's stack, as a dialog.
import { useEffect, useRef } from 'preact/hooks';
import type { ActionInput, LocalView } from '../protocol.js';
import { Blocks } from './blocks.js';
import type { ViewInputs } from './inputs.js';
import { blocksOf, domId, obj, textOf } from './kit.js';
import type { Strings } from './strings.js';

export interface ModalProps {
  view: LocalView;
  depth: number;
  s: Strings;
  v: ViewInputs;
  busy: boolean;
  error: string | null;
  onAction: (action: ActionInput) => void;
  onSubmit: () => void;
  onClose: () => void;
}

export function Modal(p: ModalProps) {
  const title = textOf(obj(p.view.view, 'title'));
  const submit = obj(p.view.view, 'submit');
  const close = textOf(obj(p.view.view, 'close')) || p.s.cancel;
  const titleId = domId('modal-title', p.view.id);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Focus the first control when a new view opens (not on every redraw of the same one).
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button.bk-btn');
    first?.focus();
  }, [p.view.id]);
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && p.onClose()}>
      <div role="dialog" aria-modal="true" aria-label={title} class="modal" data-view-id={p.view.id}>
        <form
          ref={ref}
          onSubmit={(e) => {
            e.preventDefault();
            p.onSubmit();
          }}
        >
          <header class="modal-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" class="modal-x" aria-label={p.s.close} onClick={p.onClose}>
              ×
            </button>
          </header>
          <div class="modal-body">
            <Blocks blocks={blocksOf(p.view.view)} s={p.s} onAction={p.onAction} v={p.v} scope={p.view.id} />
          </div>
          {p.error ? (
            <div class="inline-error" role="alert">
              {p.error}
            </div>
          ) : null}
          <footer class="modal-foot">
            <button type="button" class="bk-btn" onClick={p.onClose}>
              {close}
            </button>
            {submit ? (
              <button type="submit" class="bk-btn primary" disabled={p.busy}>
                {textOf(submit)}
              </button>
            ) : null}
          </footer>
        </form>
      </div>
    </div>
  );
}
