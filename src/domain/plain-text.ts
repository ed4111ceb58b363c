// Text typed by people. Tabs and line breaks are typing; other control characters (NUL
// above all, which PostgreSQL refuses in text) only come from a forged or broken payload.

/** Unicode's control characters (Cc) other than tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/u;

/** Whether `text` holds a control character other than tab, line feed or carriage return. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
