import { UserError } from '../config/errors.js';
import { loadPolicy } from '../config/policy-file.js';
import { t, type Locale, type MessageKey } from '../slack/i18n/index.js';
import { loadContext, type CliContext } from './context.js';

type Command = (ctx: CliContext, args: string[]) => Promise<void>;
/** Reads the configuration itself, to report what is wrong with it rather than stop at it (`check`). */
type SelfConfiguredCommand = (out: CliContext['out'], args: string[]) => Promise<void>;

/** One argument or option as `help` lists it: what is typed, and the catalog key saying what it does. */
interface Term {
  name: string;
  text: MessageKey;
}

/** What `cobranza help <command>` prints; the texts are catalog keys, in the policy's locale. */
interface CommandHelp {
  usage: string;
  summary: MessageKey;
  arguments?: Term[];
  options?: Term[];
  example: string;
}

type Entry = CommandHelp & ({ load: () => Promise<Command> } | { loadSelfConfigured: () => Promise<SelfConfiguredCommand> });

// Each command's module is loaded only when it runs: an import need not load Bolt,
// and the TypeScript loader has fewer files to compile at start.
const commands: Record<string, Entry> = {
  start: {
    usage: 'start [--local-slack]',
    summary: 'cli.help.start.summary',
    options: [{ name: '--local-slack', text: 'cli.help.start.localSlack' }],
    example: 'cobranza start',
    load: async () => (await import('./commands/start.js')).startCommand,
  },
  check: {
    usage: 'check',
    summary: 'cli.help.check.summary',
    example: 'cobranza check',
    loadSelfConfigured: async () => (await import('./commands/check.js')).checkCommand,
  },
  migrate: {
    usage: 'migrate',
    summary: 'cli.help.migrate.summary',
    example: 'cobranza migrate',
    load: async () => (await import('./commands/migrate.js')).migrateCommand,
  },
  import: {
    usage: 'import <users|debtors|contacts|invoices|payments> <file.csv>',
    summary: 'cli.help.import.summary',
    arguments: [
      { name: '<users|debtors|contacts|invoices|payments>', text: 'cli.help.import.kind' },
      { name: '<file.csv>', text: 'cli.help.import.file' },
    ],
    example: 'cobranza import invoices exports/invoices.csv',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  export: {
    usage: 'export credit-status [--out FILE]',
    summary: 'cli.help.export.summary',
    arguments: [{ name: 'credit-status', text: 'cli.help.export.kind' }],
    options: [{ name: '--out FILE', text: 'cli.help.export.out' }],
    example: 'cobranza export credit-status --out credit-status.csv',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  'run-job': {
    usage: 'run-job <daily-list|alarms|notices|weekly-report> [--date YYYY-MM-DD] [--dry-run]',
    summary: 'cli.help.runJob.summary',
    arguments: [{ name: '<daily-list|alarms|notices|weekly-report>', text: 'cli.help.runJob.job' }],
    options: [
      { name: '--date YYYY-MM-DD', text: 'cli.help.runJob.date' },
      { name: '--dry-run', text: 'cli.help.runJob.dryRun' },
    ],
    example: 'cobranza run-job alarms --date 2026-11-23 --dry-run',
    load: async () => (await import('./commands/run-job.js')).runJobCommand,
  },
  report: {
    usage: 'report [--week YYYY-Www] [--team NAME] [--out FILE.png|FILE.csv]',
    summary: 'cli.help.report.summary',
    options: [
      { name: '--week YYYY-Www', text: 'cli.help.report.week' },
      { name: '--team NAME', text: 'cli.help.report.team' },
      { name: '--out FILE.png|FILE.csv', text: 'cli.help.report.out' },
    ],
    example: 'cobranza report --week 2026-W49 --out semana.csv',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  outbox: {
    usage: 'outbox [retry [ID…] | show ID]',
    summary: 'cli.help.outbox.summary',
    arguments: [{ name: 'retry [ID…] | show ID', text: 'cli.help.outbox.action' }],
    example: 'cobranza outbox retry 12 15',
    load: async () => (await import('./commands/outbox.js')).outboxCommand,
  },
  demo: {
    usage: 'demo [--print]',
    summary: 'cli.help.demo.summary',
    options: [{ name: '--print', text: 'cli.help.demo.print' }],
    example: 'DATA_DIR=/tmp/cobranza-demo PORT=3000 cobranza demo',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
  backup: {
    usage: 'backup [--out FILE]',
    summary: 'cli.help.backup.summary',
    options: [{ name: '--out FILE', text: 'cli.help.backup.out' }],
    example: 'cobranza backup --out /respaldos/cobranza.tar.gz',
    load: async () => (await import('./commands/backup.js')).backupCommand,
  },
  restore: {
    usage: 'restore FILE',
    summary: 'cli.help.restore.summary',
    arguments: [{ name: 'FILE', text: 'cli.help.restore.file' }],
    example: 'DATA_DIR=./data-nuevo cobranza restore cobranza-backup-2026-12-07.tar.gz',
    load: async () => (await import('./commands/backup.js')).restoreCommand,
  },
  bench: {
    usage: 'bench [--scale N] [--db pglite|postgres] [--only stage]',
    summary: 'cli.help.bench.summary',
    options: [
      { name: '--scale N', text: 'cli.help.bench.scale' },
      { name: '--db pglite|postgres', text: 'cli.help.bench.db' },
      { name: '--only stage', text: 'cli.help.bench.only' },
    ],
    example: 'cobranza bench --scale 0.1',
    load: async () => (await import('./commands/bench.js')).benchCommand,
  },
};

/** Every command with its one-line summary. */
export function usage(locale: Locale = 'es'): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    t(locale, 'cli.usage'),
    '',
    t(locale, 'cli.commands'),
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${t(locale, c.summary)}`),
    '',
    t(locale, 'cli.helpHint'),
  ].join('\n');
}

function terms(locale: Locale, list: Term[]): string[] {
  const width = Math.max(...list.map((term) => term.name.length));
  return list.map((term) => `  ${term.name.padEnd(width)}  ${t(locale, term.text)}`);
}

/** One command's usage, arguments, options and an example. */
export function commandHelp(name: string, locale: Locale = 'es'): string {
  const c = commands[name]!;
  const lines = [t(locale, c.summary), '', t(locale, 'cli.usageTitle'), `  cobranza ${c.usage}`];
  if (c.arguments) lines.push('', t(locale, 'cli.argumentsTitle'), ...terms(locale, c.arguments));
  const options = [...(c.options ?? []), { name: '-h, --help', text: 'cli.helpOption' as const }];
  lines.push('', t(locale, 'cli.optionsTitle'), ...terms(locale, options));
  lines.push('', t(locale, 'cli.exampleTitle'), `  ${c.example}`);
  return lines.join('\n');
}

/** The policy's locale for help and the CLI's own errors; a policy that cannot be read leaves Spanish. */
async function cliLocale(): Promise<Locale> {
  try {
    return (await loadPolicy(process.env.POLICY_FILE || undefined)).locale;
  } catch {
    return 'es';
  }
}

const isHelpFlag = (arg: string) => arg === '--help' || arg === '-h';

/** Runs one CLI command; returns the exit status. Errors print as one line naming the problem. */
export async function runCli(
  argv: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || isHelpFlag(name)) {
    const locale = await cliLocale();
    const topic = name === 'help' ? args[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(commands, topic)) {
      io.err(`cobranza: ${t(locale, 'cli.unknownCommand', { name: topic })}\n${usage(locale)}`);
      return 1;
    }
    io.out(topic ? commandHelp(topic, locale) : usage(locale));
    return name ? 0 : 1;
  }
  if (!Object.hasOwn(commands, name)) {
    const locale = await cliLocale();
    io.err(`cobranza: ${t(locale, 'cli.unknownCommand', { name })}\n${usage(locale)}`);
    return 1;
  }
  const command = commands[name]!;
  // Help never runs the command, nor loads its module.
  if (args.some(isHelpFlag)) {
    io.out(commandHelp(name, await cliLocale()));
    return 0;
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
