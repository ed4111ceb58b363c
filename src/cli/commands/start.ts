import { runService } from '../../main.js';
import type { CliContext } from '../context.js';

/** `cobranza start`: serves Slack until SIGTERM. */
export async function startCommand(ctx: CliContext): Promise<void> {
  await runService(ctx);
}
