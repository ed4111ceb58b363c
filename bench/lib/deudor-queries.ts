// What collectors type after /deudor, built from the register: partial names, names without
// accents, fragments, typos, tax ids written differently, debtor codes, and now and then a
// name that is not there. Deterministic: the same register gives the same 1,000 texts.
import { normaliseSearchText } from '../../src/domain/search-text.js';
import type { Raw } from './bench-db.js';

export type QueryKind = 'partial_name' | 'full_name' | 'fragment' | 'typo' | 'tax_id' | 'code' | 'unknown';

export interface DeudorQuery {
  kind: QueryKind;
  text: string;
}

/** Swaps two letters in the middle of the longest word: the typo of someone typing fast. */
function typo(text: string): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > words[longest]!.length) longest = i;
  });
  const w = words[longest]!;
  if (w.length < 4) return `${text}x`;
  const at = Math.floor(w.length / 2) - 1;
  words[longest] = w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2);
  return words.join(' ');
}

function taxIdAsTyped(taxId: string, i: number): string {
  const plain = taxId.replaceAll('-', '');
  const typed = plain === taxId && plain.length > 9 ? `${plain.slice(0, 3)}-${plain.slice(3, 9)}-${plain.slice(9)}` : plain;
  return i % 2 === 0 ? typed.toLowerCase() : typed;
}

const LETTERS = 'bcdfghjklmnpqrstvwxz';

export async function deudorQueries(raw: Raw, count = 1000): Promise<DeudorQuery[]> {
  const debtors = await raw.query<{ external_id: string; name: string; tax_id: string }>(
    'SELECT external_id, name, tax_id FROM debtors ORDER BY id',
  );
  if (debtors.length === 0) throw new Error('no debtors to look up');
  const queries: DeudorQuery[] = [];
  for (let i = 0; i < count; i++) {
    const d = debtors[(i * 7919) % debtors.length]!;
    const name = normaliseSearchText(d.name.split(',')[0]!);
    const words = name.split(' ');
    const slot = i % 20;
    if (slot < 4) queries.push({ kind: 'partial_name', text: words.slice(0, 2).join(' ') });
    else if (slot < 7) queries.push({ kind: 'full_name', text: name });
    else if (slot < 10) queries.push({ kind: 'fragment', text: words.slice(1).join(' ').slice(0, 9).trim() || name });
    else if (slot < 13) queries.push({ kind: 'typo', text: typo(name) });
    else if (slot < 17) queries.push({ kind: 'tax_id', text: taxIdAsTyped(d.tax_id, i) });
    else if (slot < 19) queries.push({ kind: 'code', text: i % 2 === 0 ? d.external_id.toLowerCase() : d.external_id });
    else {
      const word = Array.from({ length: 7 }, (_, k) => LETTERS[(i * 7 + k * 13) % LETTERS.length]).join('');
      queries.push({ kind: 'unknown', text: word });
    }
  }
  return queries;
}
