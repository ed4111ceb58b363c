import { UserError } from '../config/errors.js';
import { loadContext, type CliContext } from './context.js';

type Command = (ctx: CliContext, args: string[]) => Promise<void>;
/** Reads the configuration itself, to report what is wrong with it rather than stop at it (`check`). */
type SelfConfiguredCommand = (out: CliContext['out'], args: string[]) => Promise<void>;
type Entry = { usage: string; load: () => Promise<Command> } | { usage: string; loadSelfConfigured: () => Promise<SelfConfiguredCommand> };

// Each command's module is loaded only when it runs: an import need not load Bolt,
// and the TypeScript loader has fewer files to compile at start.
const commands: Record<string, Entry> = {
  start: { usage: 'start', load: async () => (await import('./commands/start.js')).startCommand },
  migrate: { usage: 'migrate', load: async () => (await import('./commands/migrate.js')).migrateCommand },
  import: {
    usage: 'import <users|debtors|contacts|invoices|payments> <file.csv>',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  'run-job': {
    usage: 'run-job <daily-list|alarms> [--date YYYY-MM-DD] [--dry-run]',
    load: async () => (await import('./commands/run-job.js')).runJobCommand,
  },
  outbox: { usage: 'outbox [retry [ID…] | show ID]', load: async () => (await import('./commands/outbox.js')).outboxCommand },
  export: {
    usage: 'export credit-status [--out FILE]',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  check: { usage: 'check', loadSelfConfigured: async () => (await import('./commands/check.js')).checkCommand },
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
    if ('loadSelfConfigured' in command) await (await command.loadSelfConfigured())(io.out, args);
    else await (await command.load())(await loadContext(io.out), args);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`cobranza: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
