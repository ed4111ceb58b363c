import { runCli } from '../../src/cli/run.js';

/**
 * The CLI run in the test's own process (no Node start-up per command), with `env` set in
 * `process.env` from `enter()` until `leave()` puts back what was there.
 */
export function cliInProcess(env: Record<string, string>) {
  const saved: Record<string, string | undefined> = {};
  return {
    cobranza: async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(...line.split('\n')) });
      return { status, out, err };
    },
    enter: () => {
      for (const [key, value] of Object.entries(env)) {
        saved[key] = process.env[key];
        process.env[key] = value;
      }
    },
    leave: () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
