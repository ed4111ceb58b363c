import type { App } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { VIEW } from '../ids.js';
import { logOutcomeSubmission } from './log-outcome.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(VIEW.logOutcome, logOutcomeSubmission(deps));
}
