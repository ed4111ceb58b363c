// The report's ratios, as pure functions of figures already summed (minor units of one currency).

/** Promises kept ÷ promises judged (kept + partial + broken), a fraction 0…1; null when none were judged. */
export function keptRate(kept: number, partial: number, broken: number): number | null {
  const judged = kept + partial + broken;
  return judged === 0 ? null : kept / judged;
}

/**
 * Collection effectiveness index, percent: (B + S − E) ÷ (B + S − C) × 100, where B is what
 * was open at the start of the period, S the credit sales of the period (invoices issued),
 * E what is open at its end and C the part of E not yet due. Null when the denominator is 0.
 */
export function collectionEffectiveness(input: { begin: number; sales: number; end: number; current: number }): number | null {
  const denominator = input.begin + input.sales - input.current;
  if (denominator === 0) return null;
  return ((input.begin + input.sales - input.end) / denominator) * 100;
}

/** Days sales outstanding: open receivables ÷ sales of the last `days` days × `days`; null when there were no sales. */
export function daysSalesOutstanding(open: number, sales: number, days = 90): number | null {
  if (sales === 0) return null;
  return (open / sales) * days;
}
