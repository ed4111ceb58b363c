// What the local Slack keeps in memory besides messages and views: uploaded files (the
// files.getUploadURLExternal sequence) and the emails that went through the local SMTP.

import type { LocalFile, LocalMail } from './protocol.js';

const MIME_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
};

export function mimeTypeOf(filename: string): string {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

const boundaryIn = (body: Buffer, contentType: string | undefined): string | undefined => {
  const declared = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (declared) return declared;
  // Without a content type: a body that opens like a multipart form is one.
  const opening = /^--([!-~]{1,70})\r\nContent-Disposition: form-data/i.exec(body.subarray(0, 300).toString('latin1'));
  return opening?.[1];
};

/** The bytes of an upload: the file part of a multipart form, or the body itself. */
export function uploadedBytes(body: Buffer, contentType?: string): Buffer {
  const boundary = boundaryIn(body, contentType);
  if (!boundary) return body;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let start = body.indexOf(`--${boundary}`);
  let first: Buffer | undefined;
  while (start >= 0) {
    const headersEnd = body.indexOf('\r\n\r\n', start);
    const next = headersEnd < 0 ? -1 : body.indexOf(delimiter, headersEnd);
    if (next < 0) break;
    const part = body.subarray(headersEnd + 4, next);
    if (/filename=/i.test(body.subarray(start, headersEnd).toString('latin1'))) return part;
    first ??= part;
    start = next + 2;
  }
  return first ?? body;
}

/** A file's bytes and what they are, as the page server serves them. */
export interface StoredBytes {
  name: string;
  contentType: string;
  bytes: Buffer;
}

interface Upload {
  filename: string;
  length: number;
  bytes?: Buffer;
}

export class FileStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly files = new Map<string, { file: LocalFile; bytes: Buffer }>();
  private seq = 0;

  /** files.getUploadURLExternal: a file id waiting for its bytes. */
  begin(filename: string, length: number): string {
    const id = `F${String(++this.seq).padStart(8, '0')}`;
    this.uploads.set(id, { filename, length });
    return id;
  }

  /** The bytes posted to the upload URL; false for an unknown or completed upload. */
  receive(id: string, bytes: Buffer): boolean {
    const upload = this.uploads.get(id);
    if (!upload) return false;
    upload.bytes = Buffer.from(bytes);
    return true;
  }

  /** files.completeUploadExternal: the file, once its bytes arrived. */
  complete(id: string, title: string | undefined): LocalFile | undefined {
    const upload = this.uploads.get(id);
    if (!upload?.bytes) return undefined;
    this.uploads.delete(id);
    const file: LocalFile = { id, title: title || upload.filename, name: upload.filename, mimetype: mimeTypeOf(upload.filename), url: `/local/files/${id}` };
    this.files.set(id, { file, bytes: upload.bytes });
    return file;
  }

  bytes(id: string): StoredBytes | undefined {
    const stored = this.files.get(id);
    return stored && { name: stored.file.name, contentType: stored.file.mimetype, bytes: stored.bytes };
  }
}

/** An email as the local SMTP hands it over: attachments with their bytes. */
export interface IncomingMail extends Omit<LocalMail, 'id' | 'at' | 'attachments'> {
  /** ISO instant it arrived; now when left out. */
  at?: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export class MailStore {
  private readonly mails: Array<{ mail: LocalMail; contents: Buffer[] }> = [];

  get all(): LocalMail[] {
    return this.mails.map(({ mail }) => mail);
  }

  add(incoming: IncomingMail): LocalMail {
    const id = `M${String(this.mails.length + 1).padStart(6, '0')}`;
    const { attachments, at, ...rest } = incoming;
    const mail: LocalMail = {
      ...rest,
      id,
      at: at ?? new Date().toISOString(),
      attachments: attachments.map((a, index) => ({ filename: a.filename, contentType: a.contentType, url: `/local/mail/${id}/${index}` })),
    };
    this.mails.push({ mail, contents: attachments.map((a) => Buffer.from(a.content)) });
    return mail;
  }

  attachment(id: string, index: number): StoredBytes | undefined {
    const found = this.mails.find(({ mail }) => mail.id === id);
    const meta = found?.mail.attachments[index];
    const bytes = found?.contents[index];
    return meta && bytes && { name: meta.filename, contentType: meta.contentType, bytes };
  }
}
