import type { Locale } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
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

export function syntaxProblem(locale: Locale, error: CsvSyntaxError): ImportProblem {
  const reason = error.reason ? t(locale, `importProblem.${error.reason}`) : error.message;
  return { line: error.line, message: t(locale, 'importProblem.notCsv', { reason }) };
}

/**
 * Reads the header, which decides the column order, before any transaction starts; an empty
 * file or a header that does not fit the kind fails the import.
 */
export async function readHeaderBatch(spec: KindSpec, batches: AsyncGenerator<CsvBatch>, file: string, locale: Locale): Promise<HeaderLayout> {
  let first: CsvBatch;
  try {
    const next = await batches.next();
    if (next.done) throw new ImportError(locale, file, [{ line: 1, message: t(locale, 'importProblem.emptyFile', { header: spec.columns.join(',') }) }]);
    first = next.value;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(locale, file, [syntaxProblem(locale, error)]);
    throw error;
  }
  const header = first.fields(0);
  const { order, problems } = readHeader(spec, header, first.lines[0]!, locale);
  if (problems.length) throw new ImportError(locale, file, problems);
  return { first, order, width: header.length };
}

/** Maps the file's header onto the kind's columns. */
function readHeader(spec: KindSpec, header: readonly string[], line: number, locale: Locale): { order: number[]; problems: ImportProblem[] } {
  const names = header.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  names.forEach((name, i) => {
    if (!spec.columns.includes(name)) problems.push({ line, message: t(locale, 'importProblem.unknownColumn', { name }) });
    else if (names.indexOf(name) !== i) problems.push({ line, message: t(locale, 'importProblem.repeatedColumn', { name }) });
  });
  const missing = spec.columns.filter((c) => !names.includes(c));
  if (missing.length) {
    const columns = missing.join(', ');
    problems.push({ line, message: t(locale, missing.length === 1 ? 'importProblem.missingColumn' : 'importProblem.missingColumns', { columns }) });
  }
  const last = problems.at(-1);
  if (last) last.message += ` (${t(locale, 'importProblem.headerOfKind', { kind: spec.kind, header: spec.columns.join(',') })})`;
  return { order: spec.columns.map((c) => names.indexOf(c)), problems };
}
