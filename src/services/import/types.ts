export const IMPORT_KINDS = ['users', 'debtors', 'contacts', 'invoices', 'payments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(text: string): text is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(text);
}

export interface ImportSummary {
  kind: ImportKind;
  /** The file as the user named it. */
  file: string;
  /** Data rows in the file (the header and blank lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  ms: number;
}

/** One thing wrong in the file. `line` counts the header as line 1. */
export interface ImportProblem {
  line: number;
  /** The header column, when the problem is in one cell. */
  column?: string;
  message: string;
}
