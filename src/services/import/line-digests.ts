// A nightly export repeats most of yesterday's lines. Each stored row keeps the digest of
// the line it was last imported from; a line whose digest is stored already says nothing
// new, so it is neither checked nor staged again, only counted. Such a line can still
// repeat a key: met twice, or beside a new line for the same row (see `storedOfStaged`).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BulkTx } from '../../db/database.js';
import type { CsvBatch } from './csv-reader.js';
import { Hash64, HashSet64 } from './hash64.js';
import { READ_PIECE_PAGES, tablePieces } from '../../db/table-pieces.js';

/** The column holding a row's line digest, in the stored table and in the staging one. */
export const DIGEST_COLUMN = 'source_digest';

/**
 * Part of every digest: change it when a change to the reading rules (trimming, defaults,
 * checks) means lines already stored must be read again.
 */
const READING_RULES = '1';

/** The digests stored in `table`, 8 bytes each, a buffer per piece of the table. */
export async function storedDigests(tx: BulkTx, table: string): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  for (const piece of await tablePieces(tx, table, READ_PIECE_PAGES)) {
    const [row] = await tx.query<{ digests: string | null }>(
      `SELECT encode(string_agg(${DIGEST_COLUMN}, ''::bytea), 'hex') AS digests FROM ${piece} t WHERE ${DIGEST_COLUMN} IS NOT NULL`,
    );
    pieces.push(Buffer.from(row?.digests ?? '', 'hex'));
  }
  return pieces;
}

export class LineDigests {
  private readonly hash = new Hash64();
  private readonly seed: [number, number];
  private readonly known: HashSet64;
  /** Per slot of `known`: the line where the file first held that digest (0: not yet). */
  private firstLines = new Uint32Array(0);

  /**
   * `stored`: the digests already stored, in pieces (see `storedDigests`). `context`:
   * everything besides the line that decides what it stores (the header's order, the
   * defaults the policy gives). A million digests take a few hundred milliseconds to
   * add: the app's event loop runs between pieces, so Slack is answered meanwhile.
   */
  static async load(stored: readonly Buffer[], context: readonly string[]): Promise<LineDigests> {
    const digests = new LineDigests(stored.reduce((n, piece) => n + piece.length / 8, 0), context);
    for (const piece of stored) {
      for (let at = 0; at + 8 <= piece.length; at += 8) digests.known.add(piece.readUInt32BE(at), piece.readUInt32BE(at + 4));
      await nextTurn();
    }
    digests.firstLines = new Uint32Array(digests.known.size > 0 ? digests.known.capacity : 0);
    return digests;
  }

  private constructor(expected: number, context: readonly string[]) {
    this.known = new HashSet64(expected);
    this.seed = this.hash.text(`${[READING_RULES, ...context].join('\n')}\n`).state;
  }

  /**
   * Digests record `i` of `batch`, which starts on `line`. 0 when no stored row came from
   * the same line; otherwise the line where the file first held it (`line` itself the first
   * time).
   */
  read(batch: CsvBatch, i: number, line: number): number {
    const text = batch.text(i);
    const { hi, lo } = text === undefined ? this.hash.csv(batch.fields(i), this.seed) : this.hash.text(text, this.seed);
    return this.firstLines.length === 0 ? 0 : this.held(this.known.slotOf(hi, lo), line);
  }

  /** Where the file held the line a stored row came from (`digest` in hex), or 0 when it did not. */
  lineOf(digest: string): number {
    const bytes = Buffer.from(digest, 'hex');
    return bytes.length === 8 && this.firstLines.length > 0 ? this.firstLines[this.known.slotOf(bytes.readUInt32BE(0), bytes.readUInt32BE(4))] ?? 0 : 0;
  }

  /** The digest of the record last read, as COPY reads a bytea in CSV. */
  get copyText(): string {
    return `\\x${hex8(this.hash.hi)}${hex8(this.hash.lo)}`;
  }

  private held(slot: number, line: number): number {
    if (slot === -1) return 0;
    if (this.firstLines[slot] === 0) this.firstLines[slot] = line;
    return this.firstLines[slot]!;
  }
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
