import { requireSlackEnv } from '../../config/env.js';
import type { CliContext } from '../context.js';

/** `cobranza start`: serves Slack until SIGTERM. */
export async function startCommand(ctx: CliContext): Promise<void> {
  // A missing Slack setting is reported before the app's modules (Bolt above all) load.
  requireSlackEnv(ctx.env);
  const { runService } = await import('../../main.js');
  await runService(ctx);
}
