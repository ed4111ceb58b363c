import type { CliContext } from '../context.js';

/** `cobranza bench [--scale N] [--db pglite|postgres] [--only stage]`: see bench/run.ts and README, Performance. */
export async function benchCommand(ctx: CliContext, args: string[]): Promise<void> {
  // Loaded on demand: every other command starts without the bench's modules.
  const { parseBenchArgs, runBench } = await import('../../../bench/run.js');
  const options = parseBenchArgs(args, { DATABASE_URL: ctx.env.DATABASE_URL });
  await runBench({ ...options, out: ctx.out, handleSignals: true });
}
