// `/deudor` while the morning's heavy work runs: the alarms job (in the app's process, as
// the scheduler runs it) and the nightly invoice import, `cobranza import` repeated until
// the 1,000 commands are answered, so that every command meets it. On PostgreSQL the CLI
// imports in its own process; on PGlite it hands the file to the app through the data
// directory's local channel, and the app imports it on its own database thread.
import { describeError, ratioRow } from '../report.js';
import { BenchApp, byKind, type CommandTiming } from '../lib/app.js';
import { startCli } from '../lib/cli-process.js';
import { NEXT_WORKING_DAY, type Bench, type Stage } from '../lib/context.js';
import { deudorQueries } from '../lib/deudor-queries.js';
import { summarize } from '../lib/latency.js';
import { idleDeudor } from './deudor.js';
import { productAlarms } from './alarms.js';

/** The stage's second condition: no answer may take longer than this. */
const SLOWEST_MS = 2000;

interface ImportLoop {
  /** Stops after the import under way (PostgreSQL: stops it now); resolves when it has. */
  stop(): Promise<void>;
  runs: Array<{ ms: number; peakRssMb?: number }>;
  /** When the last import ended (performance.now()). */
  endedAt: number | undefined;
}

/** Imports the next night's and then tonight's file, alternately, until stopped. */
function importLoop(bench: Bench): ImportLoop {
  const files = [bench.files.invoicesNext, bench.files.invoices];
  const runs: ImportLoop['runs'] = [];
  const state = { endedAt: undefined as number | undefined };
  let stopping = false;
  let stopChild: (() => void) | undefined;
  let running = false;
  const loop = (async () => {
    for (let i = 0; !stopping; i++) {
      const child = startCli(['import', 'invoices', files[i % 2]!], bench.childEnv());
      stopChild = () => child.stop();
      running = true;
      try {
        const run = await child.done;
        state.endedAt = performance.now();
        runs.push({ ms: run.ms, peakRssMb: run.peakRssMb });
        bench.processes.push({ stage: 'deudor-under-load (import)', peakRssMb: run.peakRssMb });
      } catch (error) {
        if (!stopping) throw error;
      } finally {
        running = false;
      }
    }
  })();
  // Handled here so that a failure waits for stop() to be reported, not the process's end.
  loop.catch(() => undefined);
  return {
    runs,
    get endedAt() {
      return state.endedAt;
    },
    async stop() {
      stopping = true;
      // An import cut short was under way until now.
      if (running) state.endedAt = performance.now();
      stopChild?.();
      await loop;
    },
  };
}

export const stage: Stage = {
  name: 'deudor-under-load',
  async run(bench, measure) {
    if (!measure) return [];
    const app = await new BenchApp(bench).start();
    try {
      const idle = bench.idleDeudor ?? (await idleDeudor(bench, app)).summary;
      const queries = await deudorQueries(await bench.db.raw(), bench.commands);

      const imports = importLoop(bench);
      const alarmsStarted = performance.now();
      let alarmsEnded: number | undefined;
      // A failing job still loaded the database until it failed; the commands are what is measured.
      const alarms = productAlarms(bench, NEXT_WORKING_DAY)
        .then((outcome) => (outcome.status === 'ran' ? outcome.summary : outcome.status))
        .catch((error: unknown) => `failed: ${describeError(error)}`)
        .finally(() => (alarmsEnded = performance.now()));
      let timings: CommandTiming[];
      const commandsStarted = performance.now();
      try {
        timings = await app.commands(queries);
      } finally {
        await imports.stop();
      }
      const alarmsOutcome = await alarms;
      const loaded = summarize(timings.map((t) => t.ms));
      const alarmsUntil = (alarmsEnded ?? Infinity) - commandsStarted;
      const importsUntil = (imports.endedAt ?? performance.now()) - commandsStarted;
      const duringAlarms = timings.filter((t) => t.offsetMs < alarmsUntil).length;
      return [
        ratioRow('deudor-under-load', 'p99', loaded.p99, idle.p99, 3, {
          checksPassed: loaded.max <= SLOWEST_MS,
          target_text: `p99 ≤ 3× idle, max ≤ ${SLOWEST_MS / 1000} s`,
          details: {
            product: loaded,
            idle,
            slowest_allowed_ms: SLOWEST_MS,
            ack: summarize(timings.map((t) => t.ackMs)),
            product_by_kind: byKind(timings),
            alarms_job_ms: Math.round((alarmsEnded ?? performance.now()) - alarmsStarted),
            alarms_job: alarmsOutcome,
            commands_during_alarms_job: duringAlarms,
            imports: imports.runs.map((r) => ({ ms: Math.round(r.ms), ...(r.peakRssMb ? { peak_rss_mb: Math.round(r.peakRssMb) } : {}) })),
            import_in: bench.db.kind === 'postgres' ? 'a CLI process of its own, repeated' : "the app's process, handed over by the CLI through the local channel, repeated",
            commands_during_imports: imports.runs.length > 0 ? timings.filter((t) => t.offsetMs < importsUntil).length : 0,
          },
        }),
      ];
    } finally {
      await app.stop();
    }
  },
};
