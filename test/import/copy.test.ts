import { describe, expect, test } from '../support/database.js';

// The import stages files with COPY into a temporary table inside its transaction; both
// databases must accept that, keep '' apart from NULL, and report a refused row.
async function* chunks(...parts: (string | Error)[]): AsyncGenerator<string> {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield await Promise.resolve(part);
  }
}

describe('COPY into a temporary staging table', () => {
  test('stores quoted text, empty strings and NULLs as written', async ({ database }) => {
    const rows = await database.bulk(async (tx) => {
      await tx.query('CREATE TEMP TABLE staging (line integer, name text, note text) ON COMMIT DROP');
      await tx.copyCsv('staging', ['line', 'name', 'note'], chunks('2,"Pérez, S.A. de C.V.",""\n', '3,"dice ""hola""\nadiós",\n'));
      return tx.query<{ line: number; name: string; note: string | null }>('SELECT line, name, note FROM staging ORDER BY line');
    });
    expect(rows).toEqual([
      { line: 2, name: 'Pérez, S.A. de C.V.', note: '' },
      { line: 3, name: 'dice "hola"\nadiós', note: null },
    ]);
  });

  test('a row the server refuses at the very end fails the transaction instead of hanging', async ({ database }) => {
    const work = database.bulk(async (tx) => {
      await tx.query('CREATE TEMP TABLE staging (d date) ON COMMIT DROP');
      await tx.copyCsv('staging', ['d'], chunks('2026-01-01\n', '2026-02-30\n'));
    });
    await expect(work).rejects.toThrow(/2026-02-30/);
    // The connection is still usable afterwards.
    expect(await database.bulk((tx) => tx.query<{ ok: number }>('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
  });

  test('a source that fails half way rolls the transaction back', async ({ database }) => {
    const work = database.bulk(async (tx) => {
      await tx.query('CREATE TABLE copy_target (n integer)');
      await tx.copyCsv('copy_target', ['n'], chunks('1\n', new Error('source broke')));
    });
    await expect(work).rejects.toThrow('source broke');
    const tables = await database.bulk((tx) => tx.query(`SELECT 1 FROM pg_tables WHERE tablename = 'copy_target'`));
    expect(tables).toEqual([]);
  });
});
