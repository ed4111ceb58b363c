import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs to stderr, so command output on stdout stays clean. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'cobranza' } }, pino.destination(2));
}
