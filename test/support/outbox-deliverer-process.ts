// A process that only delivers the outbox, for tests that kill it mid-post. Run with
// `node --import tsx`; DATA_DIR or DATABASE_URL name the database, SLACK_API_URL the
// stand-in. It prints its pid once the database is open, then drains the outbox.
import pino from 'pino';
import { openDatabase } from '../../src/db/open.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';

const database = await openDatabase({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR ?? './data' });
const deliverer = createDeliverer({
  db: database.db,
  databaseKind: database.kind,
  client: deliveryClient({ SLACK_API_URL: process.env.SLACK_API_URL }, 'xoxb-test'),
  logger: pino({ level: 'silent' }),
  renderAlarm: jobRenderer(defaultPolicy).alarm,
});
process.stdout.write(`${process.pid}\n`);
await deliverer.drain({ untilEmpty: true, deadline: new Date(Date.now() + 60_000) });
await database.close();
