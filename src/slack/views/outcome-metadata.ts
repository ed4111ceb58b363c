/** The outcome modal carries the debtor it is for in `private_metadata`. */
export function outcomeMetadata(privateMetadata: string | undefined): { debtorId: number } {
  try {
    const parsed = JSON.parse(privateMetadata ?? '{}') as { debtorId?: unknown };
    return { debtorId: Number(parsed.debtorId) };
  } catch {
    return { debtorId: Number.NaN };
  }
}
