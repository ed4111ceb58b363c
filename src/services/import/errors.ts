import { UserError } from '../../config/errors.js';
import type { Locale } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
import type { ImportProblem } from './types.js';

/** Problems listed in the error message; the rest are counted. */
const LISTED = 10;

/** `file line 4, column due_date: …` in `locale`; the problem's message is in it already. */
export function describeProblem(locale: Locale, file: string, problem: ImportProblem): string {
  const { line, column, message } = problem;
  return column ? t(locale, 'importProblem.atCell', { file, line, column, message }) : t(locale, 'importProblem.atLine', { file, line, message });
}

/**
 * A file that cannot be imported. Nothing of it was stored. `problems` holds the first ones
 * by line (a bad export can have millions); `total` counts them all.
 */
export class ImportError extends UserError {
  override name = 'ImportError';

  /** `locale` is the policy's: the messages of `problems` are in it already. */
  constructor(
    readonly locale: Locale,
    readonly file: string,
    readonly problems: readonly ImportProblem[],
    readonly total: number = problems.length,
  ) {
    const listed = problems.slice(0, LISTED).map((p) => `  ${describeProblem(locale, file, p)}`);
    const more = total - listed.length;
    super(
      [
        total === 1 ? t(locale, 'importProblem.summaryOne', { file }) : t(locale, 'importProblem.summary', { file, count: total }),
        ...listed,
        ...(more > 0 ? [`  ${t(locale, 'importProblem.more', { count: more })}`] : []),
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
