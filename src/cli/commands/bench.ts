import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../config/errors.js';
import { packageDir } from '../../package-dir.js';
import type { CliContext } from '../context.js';

/**
 * What this command uses of bench/run.ts. Typed here rather than imported so that the build
 * (tsconfig.build.json, build.js) leaves the bench out; test/bench.test.ts checks the two agree.
 */
export interface BenchEntry<Options extends object = object> {
  parseBenchArgs: (args: readonly string[], env: { DATABASE_URL?: string | undefined }) => Options;
  runBench: (options: Options & { out: (line: string) => void; handleSignals: boolean }) => Promise<unknown>;
}

/** `cobranza bench [--scale N] [--db pglite|postgres] [--only stage]`: see bench/run.ts and bench/README.md. */
export async function benchCommand(ctx: CliContext, args: string[]): Promise<void> {
  // bin/cobranza.js runs `bench` from the TypeScript sources, so tsx loads this file.
  const entry = join(packageDir, 'bench', 'run.ts');
  if (!existsSync(entry)) throw new UserError('bench: bench/ is not here; the bench runs from a checkout of the repository, not from the image');
  const { parseBenchArgs, runBench } = (await import(pathToFileURL(entry).href)) as BenchEntry;
  const options = parseBenchArgs(args, { DATABASE_URL: ctx.env.DATABASE_URL });
  await runBench({ ...options, out: ctx.out, handleSignals: true });
}
