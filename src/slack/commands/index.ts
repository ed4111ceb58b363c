import type { App } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { COMMAND } from '../ids.js';
import { deudorCommand } from './deudor.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, deudorCommand(deps));
}
