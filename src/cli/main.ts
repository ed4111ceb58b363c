import { UserError } from '../config/errors.js';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).catch((error: unknown) => {
  process.stderr.write(`cobranza: ${error instanceof UserError ? error.message : String(error)}\n`);
  return 1;
});
process.exitCode = code;
