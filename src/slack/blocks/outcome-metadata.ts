// The outcome modal carries the debtor it is for in `private_metadata`: written by the
// modal's builder and read back by its listeners, here, so the two cannot drift apart.

import { jsonField, parseId } from '../parse-ref.js';

export interface OutcomeMetadata {
  debtorId: number;
}

export function writeOutcomeMetadata(metadata: OutcomeMetadata): string {
  return JSON.stringify({ debtorId: metadata.debtorId });
}

/** The modal's metadata as a submission or action sends it back; null when it does not parse. */
export function readOutcomeMetadata(privateMetadata: string | undefined): OutcomeMetadata | null {
  const debtorId = parseId(jsonField(privateMetadata, 'debtorId'));
  return debtorId === null ? null : { debtorId };
}
