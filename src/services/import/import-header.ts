import { CsvSyntaxError, type CsvBatch } from './csv-reader.js';
import { ImportError } from './errors.js';
import type { KindSpec } from './kind-spec.js';
import type { ImportProblem } from './types.js';

/** Where each of the kind's columns sits in the file: `order[i]` is column i's index in a record. */
export interface HeaderLayout {
  /** The first batch, its record 0 being the header. */
  first: CsvBatch;
  order: number[];
  /** Fields every record must have: the header's. */
  width: number;
}

export function syntaxProblem(error: CsvSyntaxError): ImportProblem {
  return { line: error.line, message: `not valid CSV: ${error.message}` };
}

/**
 * Reads the header, which decides the column order, before any transaction starts; an empty
 * file or a header that does not fit the kind fails the import.
 */
export async function readHeaderBatch(spec: KindSpec, batches: AsyncGenerator<CsvBatch>, file: string): Promise<HeaderLayout> {
  let first: CsvBatch;
  try {
    const next = await batches.next();
    if (next.done) throw new ImportError(file, [{ line: 1, message: `the file is empty (expected the header ${spec.columns.join(',')})` }]);
    first = next.value;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(file, [syntaxProblem(error)]);
    throw error;
  }
  const header = first.fields(0);
  const { order, problems } = readHeader(spec, header, first.lines[0]!);
  if (problems.length) throw new ImportError(file, problems);
  return { first, order, width: header.length };
}

/** Maps the file's header onto the kind's columns. */
function readHeader(spec: KindSpec, header: readonly string[], line: number): { order: number[]; problems: ImportProblem[] } {
  const names = header.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  names.forEach((name, i) => {
    if (!spec.columns.includes(name)) problems.push({ line, message: `unknown column "${name}"` });
    else if (names.indexOf(name) !== i) problems.push({ line, message: `column "${name}" appears twice` });
  });
  const missing = spec.columns.filter((c) => !names.includes(c));
  if (missing.length) problems.push({ line, message: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}` });
  const last = problems.at(-1);
  if (last) last.message += ` (a ${spec.kind} file has the header ${spec.columns.join(',')})`;
  return { order: spec.columns.map((c) => names.indexOf(c)), problems };
}
