import { UserError } from '../config/errors.js';
import { migrateCommand } from './commands/migrate.js';
import { loadContext, type CliContext } from './context.js';

type Command = (ctx: CliContext, args: string[]) => Promise<void>;

const commands: Record<string, { usage: string; run: Command }> = {
  migrate: { usage: 'migrate', run: migrateCommand },
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
