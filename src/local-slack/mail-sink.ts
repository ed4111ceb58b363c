// The local Slack's mail server: the notices job sends through it as through any SMTP
// server, and each email it accepts appears in the page's mail panel. 127.0.0.1 only.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { LocalWorkspace } from './workspace.js';

const addresses = (field: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(field) ? field : field ? [field] : []).map((a) => a.text).join(', ');

export async function startMailSink(workspace: LocalWorkspace): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          workspace.addMail({
            from: addresses(mail.from),
            to: addresses(mail.to),
            ...(mail.replyTo ? { replyTo: addresses(mail.replyTo) } : {}),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            ...(mail.html ? { html: mail.html } : {}),
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? 'adjunto', contentType: a.contentType, content: a.content })),
          });
          done();
        })
        .catch((error: unknown) => done(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
