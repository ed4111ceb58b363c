// The SMTP edge: one pooled nodemailer transport from SMTP_URL, sending as MAIL_FROM.
// Everything else about notice emails is built elsewhere; this only talks to the server.

import nodemailer, { type SendMailOptions, type SMTPPoolOptions, type SMTPPoolSentMessageInfo } from 'nodemailer';
import type { Env } from '../config/env.js';
import { UserError } from '../config/errors.js';

/** Connections kept open to the server at most: enough to overlap a few sends, few enough for any relay. */
export const SMTP_POOL_CONNECTIONS = 3;
/** Messages handed to the server per second at most, over all the pool's connections. */
export const SMTP_RATE_PER_SECOND = 5;
/** Waiting for the TCP (or TLS) connection to open. */
export const SMTP_CONNECTION_TIMEOUT_MS = 30_000;
/** Waiting for the server's greeting once connected. */
export const SMTP_GREETING_TIMEOUT_MS = 30_000;
/** Silence on an open connection before it is given up. */
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;

/** Where notices go out and as whom; undefined when SMTP_URL is unset (no email is sent). */
export interface MailSettings {
  url: string;
  from: string;
}

/** The mail settings of the environment; SMTP_URL without MAIL_FROM is a problem of MAIL_FROM. */
export function mailSettings(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>): MailSettings | undefined {
  if (!env.SMTP_URL) return undefined;
  if (!env.MAIL_FROM) throw new UserError('MAIL_FROM: required when SMTP_URL is set (e.g. Cobranza ACME <cobranza@acme.mx>)');
  return { url: env.SMTP_URL, from: env.MAIL_FROM };
}

/** The pool's options: the server from the URL (smtps:// is TLS from the start), pooled and rate limited. */
export function smtpTransportOptions(url: string): SMTPPoolOptions & { pool: true } {
  return {
    url,
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
    rateLimit: SMTP_RATE_PER_SECOND,
    rateDelta: 1000,
    connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: SMTP_GREETING_TIMEOUT_MS,
    socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
  };
}

/** A message for `MailTransport.send`: the sender is the transport's own. */
export type OutgoingEmail = Omit<SendMailOptions, 'from'>;

export interface MailTransport {
  /** MAIL_FROM, the sender of every message. */
  readonly from: string;
  /** The options the pool was built with (pool, connections, rate limit). */
  readonly options: SMTPPoolOptions;
  /** Resolves once the server accepted the message; rejects with nodemailer's error otherwise. */
  send(message: OutgoingEmail): Promise<SMTPPoolSentMessageInfo>;
  /** Closes the pool's connections (messages being sent finish first). */
  close(): void;
}

export function createMailTransport(settings: MailSettings): MailTransport {
  const options = smtpTransportOptions(settings.url);
  const transporter = nodemailer.createTransport(options, { from: settings.from });
  return {
    from: settings.from,
    options,
    send: (message) => transporter.sendMail({ ...message, from: settings.from }),
    close: () => transporter.close(),
  };
}

/** The domain of an address such as `Cobranza <cobranza@acme.mx>`, for Message-IDs. */
export function addressDomain(address: string): string {
  const match = /@([^\s@<>]+)>?\s*$/.exec(address);
  return match?.[1]?.toLowerCase() ?? 'localhost';
}

/** What `cobranza check` says of SMTP. */
export type SmtpCheck = { state: 'not_configured' } | { state: 'ok'; server: string } | { state: 'failed'; error: string };

/** The server of an SMTP URL without its credentials, for messages. */
export function smtpServerName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'SMTP_URL';
  }
}

/** How long `verifySmtp` waits for the server at each step. */
const VERIFY_TIMEOUT_MS = 10_000;

/**
 * Connects to SMTP_URL, greets and logs in as the deliverer would, and says how it went:
 * not configured, ok, or the server's (or the network's) error in one line.
 */
export async function verifySmtp(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>): Promise<SmtpCheck> {
  let settings: MailSettings | undefined;
  try {
    settings = mailSettings(env);
  } catch (error) {
    return { state: 'failed', error: (error as Error).message };
  }
  if (!settings) return { state: 'not_configured' };
  const transporter = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: VERIFY_TIMEOUT_MS,
    greetingTimeout: VERIFY_TIMEOUT_MS,
    socketTimeout: VERIFY_TIMEOUT_MS,
  });
  try {
    await transporter.verify();
    return { state: 'ok', server: smtpServerName(settings.url) };
  } catch (error) {
    return { state: 'failed', error: oneLine(smtpErrorText(error)) };
  } finally {
    transporter.close();
  }
}

/** The server's own words when it answered, else the error's message. */
export function smtpErrorText(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown } | null;
  if (typeof e?.response === 'string' && e.response.trim()) return e.response.trim();
  return error instanceof Error ? error.message : String(error);
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
