// The page's side of src/local-slack/protocol.ts.
import type { PageAnswer, PageRequests, PageState } from '../protocol.js';

export async function fetchState(as: string | null): Promise<PageState> {
  const url = as ? `/local/state?as=${encodeURIComponent(as)}` : '/local/state';
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as PageState;
}

export async function post<K extends keyof PageRequests>(route: K, body: PageRequests[K]): Promise<PageAnswer> {
  try {
    const res = await fetch(`/local/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let answer: unknown = null;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = null;
    }
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer as PageAnswer;
    return res.ok ? { ok: true } : { ok: false, error: text || `${res.status} ${res.statusText}` };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Calls `onChange` for every message of the server's event stream; returns a function that stops. */
export function subscribe(onChange: () => void): () => void {
  const source = new EventSource('/local/events');
  source.onmessage = () => onChange();
  return () => source.close();
}
