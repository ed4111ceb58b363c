import { existsSync } from 'node:fs';
import { UserError } from '../config/errors.js';
import { runCli } from './run.js';

// A .env file in the working directory fills in variables the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env');

// `cobranza demo | head`: a reader that stops early is not an error. The command still
// finishes its work (an import stops half-way for nothing); it just prints no more.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutOpen = false;
});

const code = await runCli(process.argv.slice(2), {
  out: (line) => {
    if (stdoutOpen) process.stdout.write(`${line}\n`);
  },
  err: (line) => process.stderr.write(`${line}\n`),
}).catch((error: unknown) => {
  process.stderr.write(`cobranza: ${error instanceof UserError ? error.message : String(error)}\n`);
  return 1;
});
process.exitCode = code;
