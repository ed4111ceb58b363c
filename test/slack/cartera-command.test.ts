import { eq } from 'drizzle-orm';
import { teams, users } from '../../src/db/schema/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { reportWeekOf, weeklyReport } from '../../src/services/report/index.js';
import { errorMessage, weeklyReportMessage } from '../../src/slack/blocks/index.js';
import { CARTERA } from '../../src/slack/ids.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, DEMO_NOW, loadExampleCompany } from '../support/demo-data.js';
import { withHarness, type SlackHarness } from '../support/slack-app.js';
import { visibleText } from './blocks/slack-limits.js';

type Answer = { response_type?: string; text?: string; blocks?: Array<Record<string, unknown>> };

async function ask(harness: SlackHarness, user: string, text: string): Promise<Answer> {
  const before = harness.slack.responses.length;
  const res = await harness.command(user, text, CARTERA);
  expect(res.status).toBe(200);
  const posted = await harness.waitFor(() => harness.slack.responses[before]);
  return posted.args;
}

describe('/cartera', () => {
  test("a lead gets the team's report for the last whole week, ephemeral, at the response_url", async ({ database }) => {
    await loadExampleCompany(database);
    const [lead] = await database.db.select({ teamId: users.teamId }).from(users).where(eq(users.slackUserId, 'U0JEF0001'));
    const [team] = await database.db.select().from(teams).where(eq(teams.id, lead!.teamId));
    const week = reportWeekOf(DEMO_DAY);
    expect(week.label).toBe('2026-W47');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const answer = await ask(harness, 'U0JEF0001', '');
      expect(answer.response_type).toBe('ephemeral');
      const report = await weeklyReport(database.db, defaultPolicy, { teamId: team!.id, week, today: DEMO_DAY });
      const expected = weeklyReportMessage(report, 'es');
      expect(answer.text).toBe(expected.text);
      expect(answer.blocks).toEqual(expected.blocks);
      const text = visibleText(answer.blocks);
      expect(text).toContain(`Informe semanal · ${team!.name} · semana 2026-W47 (lun 16 nov–dom 22 nov)`);
      expect(text).toContain('Actividad del equipo');
      expect(text).toContain('Laura Gómez');
      expect(text).toContain('Jorge Hernández');
      // Nothing was posted in a channel: the answer went to the response_url only.
      expect(harness.slack.callsTo('chat.postMessage')).toEqual([]);
    });
  });

  test("a lead naming a collector, by name or by mention, gets only that collector's figures", async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const byName = await ask(harness, 'U0JEF0001', 'laura gomez');
      const text = visibleText(byName.blocks);
      expect(text).toContain('Actividad de Laura Gómez');
      expect(text).not.toContain('Jorge Hernández');
      expect(text).not.toContain('Actividad del equipo');
      const byMention = await ask(harness, 'U0JEF0001', '<@U0COB0001|laura.gomez>');
      expect(byMention.blocks).toEqual(byName.blocks);

      const nobody = await ask(harness, 'U0JEF0001', 'pedro');
      expect(nobody.text).toContain('«pedro»');
      expect(nobody.text).toContain('`/cartera`');
    });
  });

  test('a collector asking for another collector gets only their own figures', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const answer = await ask(harness, 'U0COB0002', '<@U0COB0001|laura.gomez>');
      expect(answer.response_type).toBe('ephemeral');
      const text = visibleText(answer.blocks);
      expect(text).toContain('Actividad de Jorge Hernández');
      expect(text).not.toContain('Laura Gómez');
      expect(text).not.toContain('Actividad del equipo');
      expect(text).not.toContain('CEI (4 semanas)');
      const own = await ask(harness, 'U0COB0002', '');
      expect(own.blocks).toEqual(answer.blocks);
    });
  });

  test('a Slack user who is not in the register is told so, and sees no figures', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const answer = await ask(harness, 'U0STRANGER', '');
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toBe(errorMessage('not_registered', 'es').text);
      expect(JSON.stringify(answer)).not.toContain('Informe semanal');
    });
  });
});
