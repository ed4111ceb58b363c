// Text typed by people. Tabs and line breaks are typing; other control characters (NUL
// above all, which PostgreSQL refuses in text) only come from a forged or broken payload.

/** Unicode's control characters (Cc) other than tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/u;

/** Whether `text` holds a control character other than tab, line feed or carriage return. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/**
 * `text` as part of a file name: accents dropped, anything but letters, digits, dots,
 * dashes and underscores turned into dashes, at most 80 characters; `fallback` when nothing is left.
 */
export function fileNamePart(text: string, fallback: string): string {
  const safe = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe === '' ? fallback : safe.slice(0, 80);
}
