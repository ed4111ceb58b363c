// The one-file step of the nightly drop folder (IMPORT_DIR): which files are ERP exports,
// when they have finished arriving, and importing one then moving it to done/ or failed/.

import { access, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Database } from '../../db/database.js';
import type { Policy } from '../../domain/policy.js';
import { describeProblem, ImportError } from './errors.js';
import { importFile } from './index.js';
import { IMPORT_KINDS, type ImportKind, type ImportSummary } from './types.js';

export const DONE_DIR = 'done';
export const FAILED_DIR = 'failed';

/** A file in the folder as a poll saw it. */
export interface DroppedFile {
  name: string;
  kind: ImportKind;
  size: number;
  mtimeMs: number;
}

export type DropOutcome =
  | { status: 'done'; file: string; movedTo: string; summary: ImportSummary }
  | { status: 'failed'; file: string; movedTo: string; error: string };

/** `debtors-2026-12-06.csv` is a debtors export; any other name is not ours to touch. */
export function dropKind(name: string): ImportKind | undefined {
  if (extname(name).toLowerCase() !== '.csv') return undefined;
  return IMPORT_KINDS.find((kind) => name.startsWith(kind));
}

/** The exports in `dir` in dependency order (users first), by name within a kind. */
export async function listDropped(dir: string): Promise<DroppedFile[]> {
  const found: DroppedFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const kind = dropKind(entry.name);
    if (!entry.isFile() || !kind) continue;
    const info = await stat(join(dir, entry.name)).catch(() => undefined);
    if (info) found.push({ name: entry.name, kind, size: info.size, mtimeMs: info.mtimeMs });
  }
  const rank = (f: DroppedFile) => IMPORT_KINDS.indexOf(f.kind);
  return found.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Creates done/ and failed/ inside the folder. */
export async function prepareDropFolder(dir: string): Promise<void> {
  await mkdir(join(dir, DONE_DIR), { recursive: true });
  await mkdir(join(dir, FAILED_DIR), { recursive: true });
}

/** `name` in `dir`, or with a timestamp before its extension when that name is taken. */
async function freeName(dir: string, name: string, now: Date): Promise<string> {
  const taken = await access(join(dir, name)).then(
    () => true,
    () => false,
  );
  if (!taken) return name;
  const ext = extname(name);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${basename(name, ext)}.${stamp}${ext}`;
}

/** The error as the team reads it: the first problem with its line and column, and how many there were. */
function firstError(file: string, error: unknown): string {
  if (error instanceof ImportError && error.problems[0]) {
    const first = describeProblem(error.locale, file, error.problems[0]);
    return error.total > 1 ? `${first} (+${error.total - 1})` : first;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Imports one dropped file in one transaction and moves it to done/, or to failed/ with
 * `<file>.errors.txt` beside it holding every error line; nothing of a failed file is stored.
 */
export async function importDropped(database: Database, policy: Policy, dir: string, file: DroppedFile, now: Date): Promise<DropOutcome> {
  const path = join(dir, file.name);
  try {
    const summary = await importFile(database, policy, file.kind, path);
    const target = await freeName(join(dir, DONE_DIR), file.name, now);
    await rename(path, join(dir, DONE_DIR, target));
    return { status: 'done', file: file.name, movedTo: join(DONE_DIR, target), summary };
  } catch (error) {
    const target = await freeName(join(dir, FAILED_DIR), file.name, now);
    await rename(path, join(dir, FAILED_DIR, target));
    const lines = error instanceof Error ? error.message : String(error);
    await writeFile(join(dir, FAILED_DIR, `${target}.errors.txt`), `${lines}\n`);
    return { status: 'failed', file: file.name, movedTo: join(FAILED_DIR, target), error: firstError(file.name, error) };
  }
}
