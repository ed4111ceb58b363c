import type { ImportProgress } from '../services/import/index.js';
import { t, type Locale } from '../slack/i18n/index.js';

/** Where the progress line goes: a terminal's stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Redraws at most this often: a terminal line rewritten per batch would flicker. */
const EVERY_MS = 250;

/**
 * One line on a terminal, rewritten as a long import goes (phase, rows read, rate), and
 * erased at the end so the summary stands alone. Undefined when the stream is not a
 * terminal: piped or logged output stays as it was.
 */
export function importProgress(
  locale: Locale,
  stream: ProgressStream = process.stderr,
  now: () => number = () => performance.now(),
): { report: (progress: ImportProgress) => void; clear: () => void } | undefined {
  if (!stream.isTTY) return undefined;
  const started = now();
  let shownAt = -Infinity;
  let shownPhase: ImportProgress['phase'] | undefined;
  let drawn = false;
  const phases = { reading: 'cli.importPhaseReading', checking: 'cli.importPhaseChecking', storing: 'cli.importPhaseStoring' } as const;
  return {
    report({ phase, rows }) {
      const at = now();
      if (phase === shownPhase && at - shownAt < EVERY_MS) return;
      shownAt = at;
      shownPhase = phase;
      const seconds = (at - started) / 1000;
      const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(seconds > 0 ? rows / seconds : 0);
      const line = t(locale, 'cli.importProgress', { phase: t(locale, phases[phase]), rows: new Intl.NumberFormat(locale).format(rows), rate });
      stream.write(`\r${line}\u001b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
