import type { Logger } from 'pino';
import type { Database } from './db/database.js';
import type { Policy } from './domain/policy.js';
import { createEmailDeliverer } from './jobs/email-deliverer.js';
import { createMailTransport, type MailSettings } from './mail/transport.js';

export interface EmailDelivery {
  /** Sends what is due now, without waiting for the next poll. */
  kick(): void;
  /** Waits for the pass in flight, then closes the SMTP connections. */
  stop(): Promise<void>;
}

/**
 * Starts delivering the notice emails over SMTP (the pooled transport and the deliverer);
 * a bounce's alarm goes to the Slack outbox, and `onAlarmQueued` wakes its deliverer.
 */
export function startEmailDelivery(deps: { database: Database; policy: Policy; logger: Logger; mail: MailSettings; onAlarmQueued: () => void }): EmailDelivery {
  const { database, policy, logger } = deps;
  const transport = createMailTransport(deps.mail);
  const deliverer = createEmailDeliverer({
    db: database.db,
    databaseKind: database.kind,
    transport,
    logger,
    timeZone: policy.timeZone,
    defaultTeamName: policy.teams[0]?.name,
    onAlarmQueued: deps.onAlarmQueued,
  });
  deliverer.start();
  return {
    kick: () => deliverer.kick(),
    async stop() {
      await deliverer.stop();
      transport.close();
    },
  };
}
