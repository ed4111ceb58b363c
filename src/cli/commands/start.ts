import { parseArgs } from 'node:util';
import { requireSlackEnv } from '../../config/env.js';
import { withDatabase, type CliContext } from '../context.js';

/**
 * `cobranza start`: serves Slack until SIGTERM. `--local-slack` serves the local Slack
 * instead, over the data imported, with no Slack settings: a trial, never production.
 */
export async function startCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'local-slack': { type: 'boolean', default: false } }, strict: true });
  if (values['local-slack']) {
    const { runLocalSlack } = await import('../../local-slack/run.js');
    return withDatabase(ctx, (database) => runLocalSlack(ctx, database), 'serving');
  }
  // A missing Slack setting is reported before the app's modules (Bolt above all) load.
  requireSlackEnv(ctx.env);
  const { runService } = await import('../../main.js');
  await runService(ctx);
}
