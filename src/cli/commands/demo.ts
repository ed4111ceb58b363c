import { todayIn } from '../../domain/calendar.js';
import { loadDemo } from '../../services/demo.js';
import { listCollectors } from '../../services/users.js';
import { collectorWorklist } from '../../services/worklist.js';
import { t } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';
import { worklistText } from '../worklist-text.js';
import { join } from 'node:path';
import { packageDir } from '../../package-dir.js';

const examplesDir = join(packageDir, 'examples');

/** `cobranza demo`: loads the example company and prints each collector's list for today. */
export async function demoCommand(ctx: CliContext): Promise<void> {
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
