import { UserError } from '../config/errors.js';
import { loadContext, type CliContext } from './context.js';

type Command = (ctx: CliContext, args: string[]) => Promise<void>;

// Each command's module is loaded only when it runs: an import need not load Bolt,
// and the TypeScript loader has fewer files to compile at start.
const commands: Record<string, { usage: string; load: () => Promise<Command> }> = {
  start: { usage: 'start', load: async () => (await import('./commands/start.js')).startCommand },
  migrate: { usage: 'migrate', load: async () => (await import('./commands/migrate.js')).migrateCommand },
  import: {
    usage: 'import <users|debtors|contacts|invoices|payments> <file.csv>',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  'run-job': {
    usage: 'run-job <daily-list|alarms> [--date YYYY-MM-DD]',
    load: async () => (await import('./commands/run-job.js')).runJobCommand,
  },
  outbox: { usage: 'outbox', load: async () => (await import('./commands/outbox.js')).outboxCommand },
  demo: { usage: 'demo', load: async () => (await import('./commands/demo.js')).demoCommand },
  bench: {
    usage: 'bench [--scale N] [--db pglite|postgres] [--only stage]',
    load: async () => (await import('./commands/bench.js')).benchCommand,
  },
};

export function usage(): string {
  return ['Usage: cobranza <command>', ...Object.values(commands).map((c) => `  cobranza ${c.usage}`)].join('\n');
}

/** Runs one CLI command; returns the exit status. Errors print as one line naming the problem. */
export async function runCli(
  argv: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.err(`cobranza: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  try {
    const run = await command.load();
    await run(await loadContext(io.out), args);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`cobranza: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
