import { withDatabase, type CliContext } from '../context.js';

/** `cobranza migrate`: applies pending migrations (opening the database does it). */
export async function migrateCommand(ctx: CliContext): Promise<void> {
  await withDatabase(ctx, (database) => {
    ctx.out(`Database is up to date (${database.kind === 'postgres' ? 'PostgreSQL' : `embedded, ${ctx.env.DATA_DIR}`}).`);
    return Promise.resolve();
  });
}
