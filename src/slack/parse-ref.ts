// Ids that come back from Slack (button values, private_metadata) are text a forged or
// stale payload can fill with anything: every listener parses them here, once.

/** Largest id a PostgreSQL `integer` column holds; a larger one can never name a row. */
const MAX_ID = 2_147_483_647;

/** A row id from a button value or metadata field: a positive integer, or null. */
export function parseId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** A field of a JSON object text (a view's `private_metadata`), or undefined when the text is not one. */
export function jsonField(text: string | undefined, field: string): unknown {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)[field]
      : undefined;
  } catch {
    return undefined;
  }
}
