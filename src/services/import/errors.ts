import { UserError } from '../../config/errors.js';
import type { ImportProblem } from './types.js';

/** Problems listed in the error message; the rest are counted. */
const LISTED = 10;

export function describeProblem(file: string, problem: ImportProblem): string {
  const where = problem.column ? `line ${problem.line}, column ${problem.column}` : `line ${problem.line}`;
  return `${file} ${where}: ${problem.message}`;
}

/**
 * A file that cannot be imported. Nothing of it was stored. `problems` holds the first ones
 * by line (a bad export can have millions); `total` counts them all.
 */
export class ImportError extends UserError {
  override name = 'ImportError';

  constructor(
    readonly file: string,
    readonly problems: readonly ImportProblem[],
    readonly total: number = problems.length,
  ) {
    const listed = problems.slice(0, LISTED).map((p) => `  ${describeProblem(file, p)}`);
    const more = total - listed.length;
    super(
      [
        `${file}: ${total} ${total === 1 ? 'error' : 'errors'}, nothing was imported`,
        ...listed,
        ...(more > 0 ? [`  and ${more} more`] : []),
      ].join('\n'),
    );
  }
}

/** Keeps the first problems by line from several sources, and counts them all. */
export class ProblemList {
  private kept: ImportProblem[] = [];
  total = 0;

  constructor(private readonly keep = 100) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.kept.length < this.keep) this.kept.push(problem);
  }

  /** Problems counted elsewhere (a SQL check) of which only the first `shown` are given. */
  addCounted(shown: readonly ImportProblem[], count: number): void {
    this.total += count;
    this.kept.push(...shown);
  }

  get sorted(): ImportProblem[] {
    return [...this.kept].sort((a, b) => a.line - b.line).slice(0, this.keep);
  }
}
