import { jsonField, parseId } from '../parse-ref.js';

/** The outcome modal carries the debtor it is for in `private_metadata`; null when it does not parse. */
export function outcomeMetadata(privateMetadata: string | undefined): { debtorId: number } | null {
  const debtorId = parseId(jsonField(privateMetadata, 'debtorId'));
  return debtorId === null ? null : { debtorId };
}
