import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on 127.0.0.1 for tests: it accepts every message, parsed, unless a rule
// says otherwise. Rules answer an address's RCPT TO with a code (550: refused for good,
// 450: try later), for every try or only the first `times`.

export interface ReceivedMail {
  /** The envelope: MAIL FROM and the RCPT TO addresses accepted. */
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
}

export interface RejectRule {
  code: number;
  message?: string;
  /** How many tries it refuses before accepting (unset: every try). */
  times?: number;
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Every RCPT TO seen, refused or not, in order. */
  readonly recipients: string[] = [];
  private readonly rules = new Map<string, RejectRule & { used: number }>();
  private server: SMTPServer | undefined;
  private waiters: Array<() => void> = [];
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses RCPT TO `address` with `code` (and `message`), every time or the first `times` times. */
  reject(address: string, rule: RejectRule): this {
    this.rules.set(address.toLowerCase(), { ...rule, used: 0 });
    return this;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        this.recipients.push(to);
        const rule = this.rules.get(to);
        if (rule && (rule.times === undefined || rule.used < rule.times)) {
          rule.used++;
          const error = new Error(rule.message ?? `${rule.code === 550 ? '5.1.1' : '4.2.0'} <${to}>: refused by the test sink`) as Error & { responseCode: number };
          error.responseCode = rule.code;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({
                envelope: {
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                },
                parsed,
                raw,
              });
              for (const wake of this.waiters.splice(0)) wake();
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** The messages received for `address`. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.envelope.to.includes(address.toLowerCase()));
  }

  /** Resolves once `count` messages have arrived. */
  async received(count: number): Promise<void> {
    while (this.messages.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A started sink. */
export async function startSmtpSink(): Promise<SmtpSink> {
  return new SmtpSink().start();
}
