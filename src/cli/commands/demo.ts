import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../../config/policy-file.js';
import { todayIn } from '../../domain/calendar.js';
import { runLocalSlack } from '../../local-slack/run.js';
import { packageDir } from '../../package-dir.js';
import { loadDemo } from '../../services/demo.js';
import { listCollectors } from '../../services/users.js';
import { collectorWorklist } from '../../services/worklist.js';
import { t } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';
import { worklistText } from '../worklist-text.js';

const examplesDir = join(packageDir, 'examples');

/** `demo --print`: loads the example company and prints each collector's list for today. */
async function printDemo(ctx: CliContext): Promise<void> {
  const { policy } = ctx;
  const today = todayIn(policy.timeZone, new Date());
  await withDatabase(ctx, async (database) => {
    const loaded = await loadDemo(database, policy, today, examplesDir);
    for (const s of loaded.imports) {
      ctx.out(t(policy.locale, 'demo.imported', { file: s.file, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged }));
    }
    ctx.out(t(policy.locale, 'demo.activity', { count: loaded.activitiesAdded }));
    for (const collector of await listCollectors(database.db)) {
      const items = await collectorWorklist(database.db, policy, collector.id, today);
      ctx.out('');
      for (const line of worklistText(collector.name, items, today, policy.locale)) ctx.out(line);
    }
  });
}

/**
 * `cobranza demo`: the example company in the local Slack, served on PORT until stopped.
 * The demo brings its own policy (a team with an alarm channel) unless POLICY_FILE is set.
 */
export async function demoCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { print: { type: 'boolean', default: false } }, strict: true });
  const policy = ctx.env.POLICY_FILE ? ctx.policy : await loadPolicy(join(examplesDir, 'policy.json'));
  const demo = { ...ctx, policy };
  if (values.print) return printDemo(demo);
  await withDatabase(demo, (database) =>
    runLocalSlack(demo, database, {
      prepare: async (db, firstDay) => {
        const loaded = await loadDemo(db, policy, firstDay, examplesDir);
        ctx.out(t(policy.locale, 'demo.activity', { count: loaded.activitiesAdded }));
      },
    }),
    'serving',
  );
}
