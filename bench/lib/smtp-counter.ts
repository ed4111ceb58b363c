// A local SMTP server that accepts every message and counts it (bytes and all), the
// notices stage's mail sink: the product hands its emails over as to a real server.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export async function startSmtpCounter(): Promise<{ url: string; count: () => number; bytes: () => number; stop: () => Promise<void> }> {
  let count = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        count++;
        done();
      });
    },
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, count: () => count, bytes: () => bytes, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
