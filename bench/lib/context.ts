import { join } from 'node:path';
import type { Policy } from '../../src/domain/policy.js';
import type { StageRow } from '../report.js';
import type { BenchDb } from './bench-db.js';

/** The business day the data set is exported on: a Monday, so Friday is the previous run. */
export const TODAY = '2026-03-02';
export const PREVIOUS_WORKING_DAY = '2026-02-27';
export const NEXT_WORKING_DAY = '2026-03-03';

/** Teams of the bench's policy, each with an alarm channel, so alarms are rendered and queued. */
export const BENCH_TEAMS = ['norte', 'sur', 'centro', 'occidente', 'sureste'];

export interface ErpFiles {
  users: string;
  debtors: string;
  contacts: string;
  invoices: string;
  /** The next night's export: 5% of the invoices changed, 1% new. */
  invoicesNext: string;
  payments: string;
}

export function erpFiles(dir: string): ErpFiles {
  const file = (name: string) => join(dir, `${name}.csv`);
  return {
    users: file('users'),
    debtors: file('debtors'),
    contacts: file('contacts'),
    invoices: file('invoices'),
    invoicesNext: file('invoices-next'),
    payments: file('payments'),
  };
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface Bench {
  scale: number;
  db: BenchDb;
  policy: Policy;
  policyFile: string;
  files: ErpFiles;
  /** `/deudor` commands per measurement (1,000; fewer only to keep the test of the bench short). */
  commands: number;
  /** Rows of the generated files. */
  counts: { debtors: number; invoices: number; payments: number; collectors: number };
  /** Peak RSS of each measured CLI process. */
  processes: Array<{ stage: string; peakRssMb: number }>;
  /** `/deudor` at rest, for the stage under load to compare with. */
  idleDeudor?: LatencySummary;
  /** Environment for `cobranza` child processes. */
  childEnv(): Record<string, string>;
  log(line: string): void;
}

export interface Stage {
  name: string;
  /**
   * `measure`: time the product path and its baseline and return rows. Otherwise only bring
   * the database to the state the later stages expect, as fast as possible.
   */
  run(bench: Bench, measure: boolean): Promise<StageRow[]>;
}
