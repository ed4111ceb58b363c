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
  /** How the bytes were read: `windows-1252` when the file was not valid UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
}

/** Where a long import is: its phase and the data rows read so far. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'storing';
  rows: number;
}

export interface ImportOptions {
  /** Called as the import goes: after each batch of rows read, and at each phase. */
  onProgress?: (progress: ImportProgress) => void;
}

/** One thing wrong in the file. `line` counts the header as line 1. */
export interface ImportProblem {
  line: number;
  /** The header column, when the problem is in one cell. */
  column?: string;
  message: string;
}
