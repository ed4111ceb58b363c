// The messages between the app and the embedded database's thread (`pglite-thread.ts`).

/** What the thread opens: a data directory, or (in memory) the dump `loadDataDir` holds. */
export interface ThreadStart {
  dataDir?: string;
  loadDataDir?: Uint8Array;
  /** PGlite's WebAssembly, compiled once per process rather than once per thread. */
  wasmModule?: WebAssembly.Module;
}

/** One statement as PGlite's `query` takes it, in a form that crosses threads. */
export interface Statement {
  text: string;
  params?: unknown[];
  rowMode?: 'array' | 'object';
  /** Type OIDs whose values stay text (drizzle parses them itself). */
  textTypes?: number[];
  /** COPY … FROM '/dev/blob' data. */
  blob?: ArrayBuffer;
  /** Several statements without parameters (PGlite's `exec`); nothing is answered. */
  multi?: boolean;
}

export type Request = { id: number } & (
  | { op: 'query'; tx?: number; statement: Statement }
  /** Opens transaction `tx` with its first statement; `readOnly` when that statement declares it so. */
  | { op: 'begin'; tx: number; readOnly: boolean; statement: Statement }
  | { op: 'end'; tx: number; commit: boolean }
  /** A tar of the data directory, taken while nothing runs. */
  | { op: 'snapshot' }
  | { op: 'close' }
);

/** Id 0 answers the start: ready, or why not. */
export type Reply = { id: number } & ({ ok: true; result: unknown } | { ok: false; error: ErrorFields });

/** A PostgreSQL error's fields that callers read (`code` above all), as plain data. */
export interface ErrorFields {
  name: string;
  message: string;
  [field: string]: unknown;
}

const FIELDS = ['code', 'severity', 'detail', 'hint', 'position', 'where', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: ErrorFields = { name: error.name, message: error.message };
  for (const field of FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/** The error again, on this side of the thread. */
export function errorFrom(fields: ErrorFields): Error {
  const { name, message, ...rest } = fields;
  const error = Object.assign(new Error(message), rest);
  error.name = name;
  return error;
}
