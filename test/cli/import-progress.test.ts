import { describe, expect, test } from 'vitest';
import { importProgress } from '../../src/cli/import-progress.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('import progress', () => {
  test('a terminal sees the phase, the rows and the rate, redrawn at most every 250 ms, then erased', () => {
    const stream = terminal(true);
    let clock = 0;
    const progress = importProgress('en', stream, () => clock)!;
    clock = 1000;
    progress.report({ phase: 'reading', rows: 50_000 });
    clock = 1100;
    progress.report({ phase: 'reading', rows: 55_000 }); // too soon: not drawn
    clock = 2000;
    progress.report({ phase: 'reading', rows: 100_000 });
    progress.report({ phase: 'checking', rows: 100_000 }); // a new phase is drawn at once
    progress.clear();
    expect(stream.written).toEqual([
      '\rreading: 50,000 rows (50,000 rows/s)\u001b[K',
      '\rreading: 100,000 rows (50,000 rows/s)\u001b[K',
      '\rchecking: 100,000 rows (50,000 rows/s)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  test('in the policy\'s language', () => {
    const stream = terminal(true);
    let clock = 0;
    const progress = importProgress('es', stream, () => clock)!;
    clock = 2000;
    progress.report({ phase: 'storing', rows: 3000 });
    expect(stream.written).toEqual(['\rguardando: 3000 filas (1500 filas/s)\u001b[K']);
  });

  test('output that is not a terminal gets nothing', () => {
    expect(importProgress('es', terminal(false))).toBeUndefined();
  });
});
