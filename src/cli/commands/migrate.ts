import { t } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';

/** `cobranza migrate`: applies pending migrations (opening the database does it). */
export async function migrateCommand(ctx: CliContext): Promise<void> {
  await withDatabase(ctx, (database) => {
    const { locale } = ctx.policy;
    const where = database.kind === 'postgres' ? 'PostgreSQL' : t(locale, 'cli.migratedEmbedded', { dir: ctx.env.DATA_DIR });
    ctx.out(t(locale, 'cli.migrated', { where }));
    return Promise.resolve();
  });
}
