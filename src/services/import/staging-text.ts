// Rows for COPY … FROM STDIN WITH (FORMAT csv). In that format an unquoted empty field is
// NULL and a quoted one ("") is the empty string, so text and null stay distinct.

/** A text value (never NULL). */
export function csvText(value: string): string {
  if (value === '') return '""';
  // Plain code-unit scan: cheaper than a regular expression on short values, and a million
  // rows have a few million of them.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** A text value where the empty string stands for NULL. */
export function csvNullable(value: string): string {
  return value === '' ? '' : csvText(value);
}

/** Text sent to COPY in pieces of about this size: one write per row would cost more than the row. */
export const CHUNK_CHARS = 64 * 1024;
