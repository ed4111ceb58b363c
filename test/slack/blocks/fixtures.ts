// Realistic data for the Block Kit builders: work items assessed by the real collection
// rules, debtor summaries as the service returns them, alarms of every kind.

import type { IsoDate } from '../../../src/domain/calendar.js';
import { addDays } from '../../../src/domain/calendar.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { BARRIER_KINDS, CONSEQUENCES, CONTACT_CHANNELS, OUTCOME_TYPES } from '../../../src/domain/vocabulary.js';
import type { AccountSnapshot } from '../../../src/services/account-snapshots.js';
import type { DebtorSummary } from '../../../src/services/debtor-summary.js';
import { assess, mainOverdue, type WorkItem } from '../../../src/services/worklist.js';
import type { AlarmKind, AlarmView } from '../../../src/slack/blocks/index.js';

export const TODAY: IsoDate = '2026-11-23'; // a Monday

const COMPANIES = [
  'Ferretería El Águila, S.A. de C.V.',
  'Construcciones Pérez & Hijos, S.A. de C.V.',
  'Farmacias Güemes',
  'Lácteos Ángeles del Norte',
  'Transportes <Rápidos> del Bajío',
  'Papelería La Pluma',
];

/** A name of `length` characters, with accents and the characters mrkdwn must escape. */
export function longName(length = 200, seed = 0): string {
  const base = `Distribuidora Ñandú & Asociados <Región ${seed}> Comercializadora Internacional de Equipos Médicos y Hospitalarios `;
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

/** Slack-looking user ids: U followed by upper-case letters and digits. */
export function slackId(n: number): string {
  return `U${String(n).padStart(8, '0')}X`;
}

export function snapshot(i: number, overrides: Partial<AccountSnapshot> = {}): AccountSnapshot {
  const overdueDays = (i * 7) % 150;
  const overdue = overdueDays > 0 ? 150_000 + ((i * 977_531) % 90_000_000) : 0;
  return {
    debtorId: 1000 + i,
    externalId: `C-${String(1000 + i).padStart(5, '0')}`,
    name: `${COMPANIES[i % COMPANIES.length]} ${i}`,
    collectorId: 7,
    escalationLevel: Math.min(4, Math.floor(overdueDays / 30)),
    creditStatus: i % 11 === 0 ? 'hold' : 'active',
    risk: i % 5 === 0 ? 'high' : 'medium',
    overdue: overdue > 0 ? { MXN: overdue, ...(i % 9 === 0 ? { USD: 120_000 } : {}) } : {},
    open: { MXN: overdue + 250_000 },
    oldestOverdueDue: overdueDays > 0 ? addDays(TODAY, -overdueDays) : null,
    nextDue: addDays(TODAY, (i % 4) + 1),
    pendingPromises: i % 6 === 0 ? 1 : 0,
    promisesDueToday: i % 12 === 0 ? 1 : 0,
    brokenPromises: i % 8 === 0 ? 2 : 0,
    openBarriers: i % 10 === 0 ? 1 : 0,
    barriersDueToday: 0,
    barriersOverdue: 0,
    pressuresPending: i % 13 === 0 ? 1 : 0,
    pressureDeadlinesToday: 0,
    pressureDeadlinesPassed: i % 17 === 0 ? 1 : 0,
    lastContactOn: addDays(TODAY, -((i % 20) + 1)),
    nextContactOn: null,
    ...overrides,
  };
}

/** A work item as the worklist service builds it, from the real rules. */
export function workItem(i: number, overrides: Partial<AccountSnapshot> = {}): WorkItem {
  const snap = snapshot(i, overrides);
  const { state, suggestion, priority } = assess(snap, TODAY, defaultPolicy);
  return { snapshot: snap, why: 'overdue', suggestion, priority, oldestOverdueDays: state.oldestOverdueDays, mainOverdue: mainOverdue(snap) };
}

export function workItems(count: number, name?: (i: number) => string): WorkItem[] {
  return Array.from({ length: count }, (_, i) => workItem(i, name ? { name: name(i) } : {}));
}

export interface SummarySize {
  promises?: number;
  barriers?: number;
  /** Barriers resolved lately: even ones by a person, odd ones automatically. */
  resolvedBarriers?: number;
  pressures?: number;
  contacts?: number;
  currencies?: number;
  noteLength?: number;
  name?: string;
  collector?: boolean;
}

/** A debtor card's data; the defaults are an ordinary overdue account. */
export function debtorSummary(size: SummarySize = {}): DebtorSummary {
  const { promises = 2, barriers = 1, resolvedBarriers = 0, pressures = 1, contacts = 3, currencies = 1, noteLength = 120 } = size;
  const codes = ['MXN', 'USD', 'EUR', 'CAD', 'GBP', 'JPY', 'CLP', 'COP'];
  const note = 'Dice que el pago está en revisión con tesorería; pide reenviar la factura & el complemento <CFDI>. '
    .repeat(Math.ceil(noteLength / 90))
    .slice(0, noteLength);
  return {
    debtor: {
      id: 42,
      externalId: 'C-00042',
      name: size.name ?? 'Construcciones Pérez & Hijos, S.A. de C.V.',
      taxId: 'CPE980512AB3',
      segment: 'Construcción',
      risk: 'medium',
      creditStatus: 'hold',
      escalationLevel: 2,
    },
    credit: {
      erp: 'active',
      decision: { status: 'hold', decidedAt: new Date(`${TODAY}T16:30:00Z`), decidedBy: { id: 9, slackUserId: 'U0MANAGER1', name: 'Laura Ríos' } },
    },
    collector: size.collector === false ? null : { id: 7, slackUserId: 'U0COLLECT1', name: 'Ana Gómez', teamId: 1 },
    // 300 invoices' worth of money: large totals, several currencies.
    totals: codes.slice(0, currencies).map((currency, i) => ({ currency, open: 987_654_321 + i, overdue: 456_789_012 + i })),
    oldestOverdueDays: 97,
    openPromises: Array.from({ length: promises }, (_, i) => ({
      id: 500 + i,
      amount: 1_000_000 + i * 1000,
      currency: 'MXN',
      promisedOn: addDays(TODAY, i * 7),
      instalmentNo: (i % 3) + 1,
      instalmentCount: i % 2 === 0 ? 3 : 1,
    })),
    openBarriers: Array.from({ length: barriers }, (_, i) => ({
      id: 600 + i,
      kind: BARRIER_KINDS[i % BARRIER_KINDS.length]!,
      description: 'Falta la constancia de situación fiscal actualizada y el alta en el portal de proveedores. '.repeat(3),
      dueOn: addDays(TODAY, i - 2),
      owner: { id: 8 + i, slackUserId: slackId(8 + i), name: `Responsable ${i}` },
    })),
    resolvedBarriers: Array.from({ length: resolvedBarriers }, (_, i) => ({
      id: 650 + i,
      kind: BARRIER_KINDS[i % BARRIER_KINDS.length]!,
      resolvedAt: new Date(Date.UTC(2026, 10, 23 - i, 15, 14)),
      resolvedBySlackId: i % 2 === 0 ? slackId(8 + i) : null,
    })),
    pendingPressures: Array.from({ length: pressures }, (_, i) => ({
      id: 700 + i,
      consequence: CONSEQUENCES[i % CONSEQUENCES.length]!,
      deadline: addDays(TODAY, i + 3),
    })),
    lastContacts: Array.from({ length: contacts }, (_, i) => ({
      contactedAt: new Date(Date.UTC(2026, 10, 20 - i, 16, 30)),
      outcomeType: OUTCOME_TYPES[i % OUTCOME_TYPES.length]!,
      channel: CONTACT_CHANNELS[i % CONTACT_CHANNELS.length]!,
      reached: i % 2 === 0,
      contactName: i % 4 === 0 ? 'Lic. Rodrigo Martínez' : null,
      note,
      author: 'Ana Gómez',
    })),
    contacts: [
      { id: 11, name: 'Rodrigo Martínez', level: 0, phone: '+52 81 5555 0101', email: 'pagos@perez.example', whatsapp: '+52 81 5555 0102' },
      { id: 12, name: 'Claudia Ruiz', level: 2, phone: '', email: 'claudia.ruiz@perez.example', whatsapp: '' },
    ],
    suggestion: { objective: 'pressure', reason: { code: 'long_overdue', params: { days: 97 } } },
    priority: 12.5,
  };
}

/** Details of each alarm kind as the alarms job stores them (amounts already formatted). */
export const ALARM_DETAILS: Record<AlarmKind, Record<string, string | number | null>> = {
  promise_broken: { amount: '$10,000.00 MXN', date: '2026-11-18' },
  promise_partial: { amount: '$10,000.00 MXN', paid: '$4,000.00 MXN', missing: '$6,000.00 MXN', date: '2026-11-18' },
  escalation: { from: 1, to: 2, cause: 'broken_promises' },
  pressure_deadline: { consequence: 'bureau', deadline: '2026-11-20' },
  barrier_overdue: { kind: 'missing_document', owner: 'U0OWNER01', dueOn: '2026-11-19' },
  no_contact: { days: 9, workingDays: 5 },
  no_collector: { amount: '$250,000.00 MXN' },
  no_email: { level: 2 },
  email_bounced: { email: 'pagos@acme.mx', reason: '550 5.1.1 mailbox unavailable' },
};

export function alarmView(kind: AlarmKind, overrides: Partial<AlarmView> = {}): AlarmView {
  return {
    id: 900,
    kind,
    debtor: { id: 42, name: 'Construcciones Pérez & Hijos, S.A. de C.V.' },
    details: ALARM_DETAILS[kind],
    mentions: kind === 'escalation' ? ['U0LEAD001'] : [],
    acknowledged: null,
    timeZone: 'America/Mexico_City',
    ...overrides,
  };
}
