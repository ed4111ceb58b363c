import type { App } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { CARTERA, COMMAND } from '../ids.js';
import { carteraCommand } from './cartera.js';
import { deudorCommand } from './deudor.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, deudorCommand(deps));
  app.command(CARTERA, carteraCommand(deps));
}
