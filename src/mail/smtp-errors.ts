import { smtpErrorText } from './transport.js';

/**
 * How a failed send is settled. `permanent`: the server refused this message for good (a
 * 5xx reply to RCPT TO or DATA): it fails and its address is marked as bouncing. Anything
 * else is `transient` and retried with backoff: 4xx replies, a refused, reset or silent
 * connection, a bad greeting, and also 5xx replies that are about our side (the login, the
 * sender at MAIL FROM): those are the configuration's fault, not the address's
 * (`configuration`, logged as errors), and the emails go once it is fixed.
 */
export type SmtpFailure = { kind: 'permanent'; reason: string } | { kind: 'transient'; reason: string; configuration: boolean };

interface NodemailerError {
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
}

const ADDRESS_COMMANDS = new Set(['RCPT TO', 'DATA']);

export function smtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as NodemailerError;
  const reason = smtpErrorText(error);
  const code = typeof e.responseCode === 'number' ? e.responseCode : 0;
  if (code >= 500) {
    if (typeof e.command === 'string' && ADDRESS_COMMANDS.has(e.command) && e.code !== 'EAUTH') return { kind: 'permanent', reason };
    return { kind: 'transient', reason, configuration: true };
  }
  return { kind: 'transient', reason, configuration: e.code === 'EAUTH' };
}
