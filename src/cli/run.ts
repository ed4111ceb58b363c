import { UserError } from '../config/errors.js';
import { benchCommand } from './commands/bench.js';
import { demoCommand } from './commands/demo.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { outboxCommand } from './commands/outbox.js';
import { runJobCommand } from './commands/run-job.js';
import { startCommand } from './commands/start.js';
import { loadContext, type CliContext } from './context.js';

type Command = (ctx: CliContext, args: string[]) => Promise<void>;

const commands: Record<string, { usage: string; run: Command }> = {
  start: { usage: 'start', run: startCommand },
  migrate: { usage: 'migrate', run: migrateCommand },
  import: { usage: 'import <users|debtors|contacts|invoices|payments> <file.csv>', run: importCommand },
  'run-job': { usage: 'run-job <daily-list|alarms> [--date YYYY-MM-DD]', run: runJobCommand },
  outbox: { usage: 'outbox', run: outboxCommand },
  demo: { usage: 'demo', run: demoCommand },
  bench: { usage: 'bench [--scale N] [--db pglite|postgres] [--only stage]', run: benchCommand },
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
    await command.run(await loadContext(io.out), args);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`cobranza: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
