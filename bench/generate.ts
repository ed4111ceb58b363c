// Writes ERP-like CSV exports (users, debtors, contacts, invoices, payments) for load
// measurements. Deterministic: the same seed, scale and "today" give byte-identical files.
// Every invoice is derived from its own index, so payments can refer to invoices (and their
// debtors and amounts) without keeping a million rows in memory.
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  dir: string;
  /** 1 = 200 collectors, 100,000 debtors, 1,000,000 invoices, 300,000 payments. */
  scale: number;
  seed?: number;
  /** The day the export was taken (YYYY-MM-DD); due dates and aging are relative to it. */
  today?: string;
  /** Team names for users.csv; empty leaves `team` blank, which means the policy's first team. */
  teams?: string[];
}

export interface GeneratedCounts {
  users: number;
  debtors: number;
  contacts: number;
  invoices: number;
  payments: number;
}

// --- deterministic randomness --------------------------------------------------------------

/** A small, fast 32-bit generator (mulberry32); returns floats in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and an index into an independent stream seed. */
function mix(seed: number, stream: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: () => number, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

// --- vocabulary ----------------------------------------------------------------------------

const ACTIVITIES = [
  'Construcciones',
  'Distribuidora',
  'Comercializadora',
  'Servicios Integrales',
  'Transportes',
  'Grupo',
  'Industrias',
  'Ferretería',
  'Panificadora',
  'Farmacéutica',
  'Abarrotes',
  'Logística',
  'Tecnología y Diseño',
  'Agroindustrias',
  'Maquinaria',
  'Papelería',
  'Refacciones',
  'Constructora',
  'Alimentos',
  'Químicos',
];
const SURNAMES = [
  'Pérez',
  'Gómez',
  'Martínez',
  'Hernández',
  'López',
  'García',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Núñez',
  'Ibáñez',
  'Muñoz',
  'Peña',
  'Ordóñez',
  'Castañeda',
  'Domínguez',
  'Vázquez',
  'Jiménez',
  'Álvarez',
  'Gutiérrez',
  'Rincón',
  'Echeverría',
  'Íñiguez',
  'Cárdenas',
];
const PLACES = ['', '', '', 'del Norte', 'del Bajío', 'de Occidente', 'de Querétaro', 'de Mérida', 'del Pacífico', 'de León', 'de Jalisco', 'del Sureste'];
const LEGAL_FORMS = ['S.A. de C.V.', 'S. de R.L. de C.V.', 'S.A.P.I. de C.V.', 'S.C.', 'S.A.'];
const GIVEN_NAMES = ['José', 'María', 'Inés', 'Raúl', 'Sofía', 'Andrés', 'Lucía', 'Héctor', 'Mónica', 'Martín', 'Begoña', 'Óscar', 'Verónica', 'Julián', 'Ángela', 'Tomás'];
const SEGMENTS = ['Construcción', 'Comercio', 'Industria', 'Servicios', 'Gobierno', 'Salud', 'Agroindustria', 'Transporte'];
const METHODS = ['transferencia', 'SPEI', 'cheque', 'efectivo', 'tarjeta'];
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ALNUM = [...'ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789'];
const TERMS = [15, 30, 30, 30, 45, 60, 90];
/** Aging buckets of overdue invoices: [first day, last day, weight]. */
const AGING: readonly [number, number, number][] = [
  [1, 30, 40],
  [31, 60, 25],
  [61, 90, 15],
  [91, 120, 10],
  [121, 365, 10],
];
const AGING_TOTAL = AGING.reduce((sum, [, , w]) => sum + w, 0);

// --- dates as day numbers (UTC, no time zones involved) ------------------------------------

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// --- CSV writing -----------------------------------------------------------------------------

function csv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const cents = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** Streams lines to a file in ~64 KB writes, waiting when the disk falls behind. */
async function writeFile(path: string, header: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  let count = 0;
  for (const line of lines) {
    buffer += `${line}\n`;
    count++;
    if (buffer.length >= 65_536) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return count;
}

// --- the data set ----------------------------------------------------------------------------

type Category = 'overdue' | 'partial' | 'current' | 'paid';

interface InvoiceFacts {
  externalId: string;
  debtor: number;
  issueDay: number;
  dueDay: number;
  amount: number;
  open: number;
  currency: string;
  category: Category;
}

export async function generateErpFiles(options: GenerateOptions): Promise<GeneratedCounts> {
  const { dir, scale } = options;
  const seed = options.seed ?? 1;
  const today = toDay(options.today ?? '2026-03-02');
  const teams = options.teams ?? [];
  if (!(scale > 0)) throw new RangeError('scale must be positive');
  mkdirSync(dir, { recursive: true });

  const collectorCount = Math.max(1, Math.round(200 * scale));
  const leadCount = Math.max(1, Math.round(collectorCount / 10));
  const debtorCount = Math.max(1, Math.round(100_000 * scale));
  const invoiceCount = Math.max(1, Math.round(1_000_000 * scale));
  const paymentCount = Math.max(1, Math.round(300_000 * scale));

  const collectorId = (i: number) => `UC${String(i + 1).padStart(7, '0')}`;
  const debtorId = (i: number) => `C${String(i + 1).padStart(7, '0')}`;
  const invoiceId = (i: number) => `F${String(i + 1).padStart(8, '0')}`;

  function* users(): Generator<string> {
    const r = rng(mix(seed, 1, 0));
    const team = (i: number) => (teams.length ? teams[i % teams.length]! : '');
    const person = (i: number, prefix: string, role: string, teamOf: number) => {
      const given = pick(r, GIVEN_NAMES);
      const surname = pick(r, SURNAMES);
      const email = `${prefix.toLowerCase()}${i + 1}@cobranza.example`;
      return [`${prefix}${String(i + 1).padStart(7, '0')}`, csv(`${given} ${surname}`), email, role, team(teamOf)].join(',');
    };
    for (let i = 0; i < collectorCount; i++) yield person(i, 'UC', 'collector', i);
    for (let i = 0; i < leadCount; i++) yield person(i, 'UL', 'lead', i);
    for (let i = 0; i < Math.max(1, teams.length); i++) yield person(i, 'UM', 'manager', i);
    yield person(0, 'UA', 'admin', 0);
  }

  function* debtors(): Generator<string> {
    for (let i = 0; i < debtorCount; i++) {
      const r = rng(mix(seed, 2, i));
      const surname = pick(r, SURNAMES);
      const place = pick(r, PLACES);
      const name = `${pick(r, ACTIVITIES)} ${surname}${place ? ` ${place}` : ''}, ${pick(r, LEGAL_FORMS)}`;
      const initials = Array.from({ length: 3 }, () => pick(r, LETTERS)).join('');
      const born = isoOfDay(toDay('1975-01-01') + int(r, 0, 16_000)).slice(2).replaceAll('-', '');
      const check = Array.from({ length: 3 }, () => pick(r, ALNUM)).join('');
      const taxId = r() < 0.3 ? `${initials}-${born}-${check}` : `${initials}${born}${check}`;
      const riskRoll = r();
      const risk = riskRoll < 0.2 ? 'low' : riskRoll < 0.3 ? 'high' : riskRoll < 0.4 ? '' : 'medium';
      const collector = r() < 0.02 ? '' : collectorId(i % collectorCount);
      const statusRoll = r();
      const status = statusRoll < 0.03 ? 'hold' : statusRoll < 0.04 ? 'revoked' : statusRoll < 0.3 ? '' : 'active';
      yield [debtorId(i), csv(name), taxId, csv(pick(r, SEGMENTS)), risk, collector, status].join(',');
    }
  }

  function* contacts(): Generator<string> {
    for (let i = 0; i < debtorCount; i++) {
      const r = rng(mix(seed, 3, i));
      const count = int(r, 1, 3);
      const used = new Set<string>();
      for (let level = 0; level < count; level++) {
        let name = `${pick(r, GIVEN_NAMES)} ${pick(r, SURNAMES)}`;
        if (used.has(name)) name += ` ${pick(r, SURNAMES)}`;
        if (used.has(name)) continue;
        used.add(name);
        const phone = `+52 ${int(r, 33, 999)} ${int(r, 100, 999)} ${int(r, 1000, 9999)}`;
        const email = `${name.split(' ')[0]!.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()}.${i + 1}@cliente.example`;
        yield [debtorId(i), csv(name), String(level), phone, email, r() < 0.6 ? phone : ''].join(',');
      }
    }
  }

  /** An invoice's facts depend only on its index, so payments can recompute them. */
  function invoice(i: number): InvoiceFacts {
    const r = rng(mix(seed, 4, i));
    const debtor = Math.floor(r() * debtorCount);
    const terms = pick(r, TERMS);
    const currency = r() < 0.05 ? 'USD' : r() < 0.5 ? '' : 'MXN';
    // Log-uniform between 500.00 and 500,000.00: many small invoices, a few large ones.
    const amount = Math.round(Math.exp(Math.log(50_000) + r() * Math.log(1000)));
    const roll = r();
    let category: Category;
    let dueDay: number;
    let open = amount;
    if (roll < 0.35) {
      // Overdue, spread over the aging buckets; some partly paid.
      let w = r() * AGING_TOTAL;
      let bucket = AGING[0]!;
      for (const b of AGING) {
        bucket = b;
        if ((w -= b[2]) < 0) break;
      }
      dueDay = today - int(r, bucket[0], bucket[1]);
      category = r() < 0.25 ? 'partial' : 'overdue';
      if (category === 'partial') open = Math.max(1, Math.round(amount * (0.1 + r() * 0.8)));
    } else if (roll < 0.6) {
      category = 'current';
      dueDay = today + int(r, 0, terms);
    } else {
      category = 'paid';
      dueDay = today - int(r, 0, 400);
      open = 0;
    }
    return { externalId: invoiceId(i), debtor, issueDay: dueDay - terms, dueDay, amount, open, currency, category };
  }

  function* invoices(): Generator<string> {
    for (let i = 0; i < invoiceCount; i++) {
      const f = invoice(i);
      const number = `A-${String(100_000 + i)}`;
      yield [f.externalId, debtorId(f.debtor), number, isoOfDay(f.issueDay), isoOfDay(f.dueDay), cents(f.amount), cents(f.open), f.currency].join(',');
    }
  }

  function* payments(): Generator<string> {
    const r = rng(mix(seed, 5, 0));
    // Walk the invoices in a scrambled order (a stride coprime with the count) so payments
    // spread over debtors and dates, each paid invoice used at most once.
    let stride = Math.max(1, Math.floor(invoiceCount * 0.618));
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    while (gcd(stride, invoiceCount) !== 1) stride++;
    let cursor = 0;
    let visited = 0;
    for (let p = 0; p < paymentCount; p++) {
      const externalId = `P${String(p + 1).padStart(8, '0')}`;
      const method = pick(r, METHODS);
      const reference = method === 'efectivo' ? '' : `${method.toUpperCase()} ${int(r, 1_000_000, 9_999_999)}`;
      let f: InvoiceFacts | undefined;
      const onAccount = r() < 0.1;
      while (!onAccount && visited < invoiceCount) {
        cursor = (cursor + stride) % invoiceCount;
        visited++;
        const candidate = invoice(cursor);
        if (candidate.category === 'paid' || candidate.category === 'partial') {
          f = candidate;
          break;
        }
      }
      if (!f) {
        // A payment on account: no invoice named.
        const debtor = Math.floor(r() * debtorCount);
        const paidOn = isoOfDay(today - int(r, 1, 180));
        yield [externalId, debtorId(debtor), '', paidOn, cents(int(r, 10_000, 5_000_000)), r() < 0.5 ? '' : 'MXN', method, csv(reference)].join(',');
        continue;
      }
      const paid = f.amount - f.open;
      const paidOn = isoOfDay(Math.min(today - 1, f.issueDay + int(r, 0, Math.max(0, f.dueDay - f.issueDay + 20))));
      yield [externalId, debtorId(f.debtor), f.externalId, paidOn, cents(paid), f.currency, method, csv(reference)].join(',');
    }
  }

  return {
    users: await writeFile(join(dir, 'users.csv'), 'slack_user_id,name,email,role,team', users()),
    debtors: await writeFile(join(dir, 'debtors.csv'), 'external_id,name,tax_id,segment,risk,collector_slack_id,credit_status', debtors()),
    contacts: await writeFile(join(dir, 'contacts.csv'), 'debtor_external_id,name,level,phone,email,whatsapp', contacts()),
    invoices: await writeFile(
      join(dir, 'invoices.csv'),
      'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency',
      invoices(),
    ),
    payments: await writeFile(
      join(dir, 'payments.csv'),
      'external_id,debtor_external_id,invoice_external_id,paid_on,amount,currency,method,reference',
      payments(),
    ),
  };
}

function parseArgs(argv: string[]): GenerateOptions {
  const options: GenerateOptions = { dir: './bench/data', scale: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag}: missing value`);
    if (flag === '--scale') options.scale = Number(value);
    else if (flag === '--dir') options.dir = value;
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--today') options.today = value;
    else if (flag === '--teams') options.teams = value.split(',').filter(Boolean);
    else throw new Error(`unknown option ${flag} (use --scale N --dir PATH [--seed N] [--today YYYY-MM-DD] [--teams a,b])`);
    i++;
  }
  if (!(options.scale > 0)) throw new Error('--scale must be a positive number');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const counts = await generateErpFiles(options);
  const summary = Object.entries(counts)
    .map(([file, rows]) => `${file} ${rows}`)
    .join(', ');
  process.stdout.write(`${options.dir}: ${summary} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
