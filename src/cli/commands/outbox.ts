import { undeliveredMessages } from '../../services/outbox.js';
import { withDatabase, type CliContext } from '../context.js';

/** `cobranza outbox`: messages not delivered yet, and those that failed, with Slack's reason. */
export async function outboxCommand(ctx: CliContext): Promise<void> {
  await withDatabase(ctx, async (database) => {
    const rows = await undeliveredMessages(database.db);
    if (rows.length === 0) {
      ctx.out('The outbox is empty: every message was delivered.');
      return;
    }
    for (const r of rows) {
      const raw = (r.payload as { text?: unknown } | null)?.text;
      // An alarm's message is rendered when sent; until then its reference says what it is.
      const text = (typeof raw === 'string' ? raw : (r.ref ?? '')).replace(/\s+/g, ' ').slice(0, 60);
      ctx.out(
        `#${r.id} ${r.state} to ${r.channel}, ${r.attempts} attempt(s)${r.lastError ? `, last error: ${r.lastError}` : ''}, queued ${r.createdAt.toISOString()}: ${text}`,
      );
    }
  });
}
