import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { createPGlite, pgliteOptions } from './pglite-engine.js';

const gzip = promisify(gzipCallback);

// A backup is a tar.gz of the data directory, the format PGlite's `dumpDataDir` writes and
// `loadDataDir` reads. It is taken here rather than by `dumpDataDir`, which walks the
// directory through PGlite's file system and stops at the local channel's socket. The copy
// is made after a checkpoint, while PGlite runs no transaction and no query (its own
// locks), so it is consistent while the app serves.

// Files of this app that live in DATA_DIR but are no part of the database: the lock and the
// local channel's socket.
const NOT_DATABASE = ['cobranza.pid', 'cobranza.sock'];

/** Whether `dataDir` holds an embedded database. */
export function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** One ustar header; `name` relative to the data directory, at most 100 bytes. */
function tarHeader(name: string, type: 'file' | 'dir', size: number, mode: number, mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`path too long for the backup: ${name}`);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(mode & 0o7777, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(type === 'file' ? size : 0, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write(' '.repeat(8), 148, 'ascii');
  header.write(type === 'file' ? '0' : '5', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148, 'ascii');
  return header;
}

/** The data directory's files and folders as a tar, leaving out the app's own files and anything not a file or folder. */
async function tarDataDir(dataDir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const walk = async (relative: string) => {
    const entries = (await readdir(join(dataDir, relative), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (relative === '' && NOT_DATABASE.includes(entry.name)) continue;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const path = join(dataDir, name);
      if (entry.isDirectory()) {
        const info = await lstat(path);
        parts.push(tarHeader(name, 'dir', 0, info.mode, info.mtime));
        await walk(name);
      } else if (entry.isFile()) {
        const [info, data] = await Promise.all([lstat(path), readFile(path)]);
        parts.push(tarHeader(name, 'file', data.length, info.mode, info.mtime), data);
        const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
        if (pad) parts.push(Buffer.alloc(pad));
      }
    }
  };
  await walk('');
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** A tar of the data directory `pg` runs on, taken after a checkpoint while it runs no transaction and no query. */
export async function snapshotWhileIdle(pg: PGlite, dataDir: string): Promise<Buffer> {
  await pg.exec('CHECKPOINT');
  return pg._runExclusiveTransaction(() => pg.runExclusive(() => tarDataDir(dataDir)));
}

/** Writes the snapshot as a tar.gz beside `out` first and renames it over; answers its size in bytes. */
export async function writeBackup(snapshot: () => Promise<Uint8Array>, out: string): Promise<number> {
  const bytes = await gzip(await snapshot());
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx', mode: 0o600 });
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return bytes.byteLength;
}

/** Opens the data directory itself (taking its lock), without migrating it, and dumps it to `out`. */
export async function backupDataDir(dataDir: string, out: string): Promise<number> {
  const release = lockDataDir(dataDir);
  try {
    const pg = await createPGlite(dataDir);
    try {
      return await writeBackup(() => snapshotWhileIdle(pg, dataDir), out);
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/** Whether `dataDir` is missing or holds nothing. */
export function isEmptyDir(dataDir: string): boolean {
  if (!existsSync(dataDir)) return true;
  return lstatSync(dataDir).isDirectory() && readdirSync(dataDir).length === 0;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Writes the backup `bytes` (tar.gz or tar) into `dataDir`, which the caller has checked
 * is empty or missing: PGlite loads it and closes, so the directory then opens normally.
 */
export async function restoreDataDir(dataDir: string, file: string): Promise<void> {
  const bytes = await readFile(file);
  const gzip = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  const loadDataDir = new Blob([bytes], { type: gzip ? 'application/x-gzip' : 'application/x-tar' });
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    try {
      const pg = await PGlite.create(dataDir, { ...pgliteOptions(), loadDataDir });
      await pg.close();
    } catch (error) {
      // The directory was empty: leave it so, for another try with a sound file.
      for (const name of readdirSync(dataDir)) if (name !== 'cobranza.pid') rmSync(join(dataDir, name), { force: true, recursive: true });
      throw error;
    }
    // The dump may carry the old lock file and socket; neither belongs to this directory.
    for (const name of NOT_DATABASE) rmSync(join(dataDir, name), { force: true, recursive: true });
  } finally {
    release();
  }
}
