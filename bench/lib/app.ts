// The real Slack app (Bolt's HTTP receiver, the product's listeners) on a local port, fed
// with slash commands signed exactly as Slack signs them by a driver process that plays
// Slack (bench/lib/slack-driver.ts). A command's latency runs from sending the request to
// the moment its answer reaches the response_url.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { parseEnv } from '../../src/config/env.js';
import { instantAt } from '../../src/domain/calendar.js';
import { normaliseSearchText, taxIdKey } from '../../src/domain/search-text.js';
import { startAppChannel } from '../../src/app-channel.js';
import type { LocalChannel } from '../../src/db/local-channel.js';
import { createApp, type CobranzaApp } from '../../src/slack/app.js';
import type { Bench } from './context.js';
import { TODAY } from './context.js';
import type { DeudorQuery, QueryKind } from './deudor-queries.js';
import { summarize } from './latency.js';
import type { DriverReply, DriverRequest, DriverTiming } from './slack-driver.js';
import { BenchSlack } from './slack-stand-in.js';
import { join } from 'node:path';
import { packageDir } from '../../src/package-dir.js';

const SIGNING_SECRET = 'bench-signing-secret';
/** A collector of the generated company: /deudor answers registered users only. */
export const BENCH_USER = 'UC0000001';
// The driver plays Slack from its TypeScript source, whether the bench runs built or not.
const DRIVER = join(packageDir, 'bench', 'lib', 'slack-driver.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CommandTiming extends DriverTiming {
  kind: QueryKind;
}

export class BenchApp {
  /** The Web API the app itself calls (auth.test at start); answers go to the driver. */
  readonly slack = new BenchSlack();
  private app!: CobranzaApp;
  private port = 0;
  private driver: ChildProcess | undefined;
  private channel: LocalChannel | undefined;

  constructor(private readonly bench: Bench) {}

  async start(): Promise<this> {
    await this.slack.start();
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: this.slack.url, LOG_LEVEL: 'silent' });
    const now = instantAt(this.bench.policy.timeZone, TODAY, '10:00');
    const database = await this.bench.db.database();
    // As `cobranza start` does: on PGlite, `cobranza import` reaches the database through the app.
    this.channel = await startAppChannel({ policy: this.bench.policy, logger: pino({ level: 'silent' }) }, database);
    this.app = createApp({
      env,
      policy: this.bench.policy,
      database,
      logger: pino({ level: 'silent' }),
      clock: () => now,
    });
    this.port = await this.app.start(0);
    // Delivery is measured on its own; here it would only add noise.
    await this.app.deliverer.stop();
    const driver = fork(DRIVER, [], { execArgv: ['--import', TSX], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.driver = driver;
    await new Promise<void>((resolve, reject) => {
      driver.once('message', (m: DriverReply) => (m.type === 'ready' ? resolve() : reject(new Error(`slack driver: ${JSON.stringify(m)}`))));
      driver.once('exit', (code) => reject(new Error(`slack driver exited with ${code}`)));
    });
    return this;
  }

  async stop(): Promise<void> {
    this.driver?.disconnect();
    await this.channel?.stop();
    await this.app.stop();
    await this.slack.stop();
  }

  /** The commands one after another, timed by the driver. */
  commands(queries: readonly DeudorQuery[]): Promise<CommandTiming[]> {
    const driver = this.driver!;
    const request: DriverRequest = {
      type: 'run',
      eventsUrl: `http://127.0.0.1:${this.port}/slack/events`,
      secret: SIGNING_SECRET,
      user: BENCH_USER,
      queries: queries.map((q) => ({ kind: q.kind, text: q.text })),
    };
    return new Promise<CommandTiming[]>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`slack driver exited with ${code}`));
      driver.once('exit', onExit);
      driver.once('message', (m: DriverReply) => {
        driver.off('exit', onExit);
        if (m.type === 'timings') resolve(m.timings as CommandTiming[]);
        else reject(new Error(m.type === 'error' ? m.message : `slack driver: unexpected ${m.type}`));
      });
      driver.send(request);
    });
  }
}

/** p99 and friends per query kind, to show which path sets the overall figure. */
export function byKind(timings: readonly { kind: QueryKind; ms: number }[]): Record<string, ReturnType<typeof summarize>> {
  const kinds = [...new Set(timings.map((t) => t.kind))];
  return Object.fromEntries(kinds.map((k) => [k, summarize(timings.filter((t) => t.kind === k).map((t) => t.ms))]));
}

/**
 * The least a search can cost: prepared statements, a code or tax id looked up by index
 * only when the text has digits, names by substring, and trigram similarity only on a miss.
 */
export async function bareSearch(bench: Bench): Promise<(q: DeudorQuery) => Promise<{ ms: number; path: string }>> {
  const exact = await bench.db.prepared(
    'bench_exact',
    `SELECT id FROM debtors WHERE external_id = $1 OR (tax_id_key = $2 AND $2 <> '') LIMIT 2`,
  );
  const substring = await bench.db.prepared('bench_substring', `SELECT id FROM debtors WHERE search_name LIKE $1 LIMIT 11`);
  const trigram = await bench.db.prepared(
    'bench_trigram',
    `SELECT id FROM debtors WHERE $1 <% search_name ORDER BY word_similarity($1, search_name) DESC LIMIT 10`,
  );
  return async (q) => {
    const started = performance.now();
    const text = q.text.trim();
    let path = 'exact';
    let rows: unknown[] = [];
    if (/\d/.test(text)) rows = await exact([text.toUpperCase(), taxIdKey(text)]);
    if (rows.length === 0) {
      const name = normaliseSearchText(text);
      path = 'substring';
      rows = await substring([`%${name}%`]);
      if (rows.length === 0) {
        path = 'trigram';
        rows = await trigram([name]);
      }
    }
    return { ms: performance.now() - started, path: rows.length === 0 ? `${path}:none` : path };
  };
}
