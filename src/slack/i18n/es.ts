// Spanish, the default language of every user-facing string. `en.ts` must have the same
// keys and placeholders; test/i18n.test.ts checks both. Add keys in a section of their
// own (one per surface) so catalogs grow without conflicts.

import type { AgingBucket } from '../../domain/aging.js';
import type { ReasonCode } from '../../domain/next-best-action.js';
import type { OutcomeErrorCode } from '../../domain/outcome.js';
import type {
  BarrierKind,
  BarrierState,
  Consequence,
  ContactChannel,
  CreditStatus,
  OutcomeType,
  PressureState,
  PromiseState,
  Risk,
  Role,
  TermsKind,
} from '../../domain/vocabulary.js';

export const es = {
  objective: {
    reminder: 'Recordar',
    barrier: 'Eliminar barrera de pago',
    commitment: 'Compromiso de pago',
    pressure: 'Presionar',
    terms_change: 'Cambiar condiciones',
  } satisfies Record<OutcomeType, string>,

  reason: {
    pressure_deadline_passed: 'Venció el plazo anunciado sin pago: aplica la consecuencia.',
    suspected_fraud: 'Sospecha de fraude: exige el pago y anuncia la consecuencia.',
    pressure_pending: 'Hay una consecuencia anunciada: recuerda el plazo hasta que pague.',
    broken_promises: 'Promesas incumplidas: {count}. Es momento de presionar.',
    long_overdue: 'Vencido hace {days} días: anuncia una consecuencia.',
    open_barrier: 'Barreras de pago abiertas: {count}. Sin resolverlas no pagará.',
    overdue_no_promise: 'Vencido hace {days} días y sin promesa: pide monto y fecha.',
    promise_due_today: 'Su promesa de pago vence hoy: recuérdasela.',
    promise_pending: 'Promesas pendientes: {count}. Recuérdalas antes de la fecha.',
    new_debtor: 'Deudor nuevo sin gestiones: preséntate y confirma contactos y facturas.',
    recently_overdue: 'Vencido hace {days} días, primera gestión: recuerda la factura.',
    due_today: 'Una factura vence hoy: recuerda el pago.',
    preventive: 'Una factura vence en {days} días: recordatorio preventivo.',
    up_to_date: 'Al corriente: nada vencido ni por vencer.',
  } satisfies Record<ReasonCode, string>,

  outcomeError: {
    required: 'Este campo es obligatorio.',
    not_a_number: 'Escribe un número con punto decimal y sin separador de miles (p. ej. 1234.50).',
    not_positive: 'Debe ser mayor que cero.',
    too_many_decimals: 'Tiene más decimales de los que admite la moneda.',
    bad_date: 'No es una fecha válida.',
    date_in_past: 'La fecha no puede ser anterior a hoy.',
    out_of_range: 'Está fuera del rango permitido.',
    too_long: 'El texto es demasiado largo (máximo 3000 caracteres).',
    invalid_choice: 'Elige una de las opciones.',
  } satisfies Record<OutcomeErrorCode, string>,

  aging: {
    current: 'Al corriente',
    '1-30': '1 a 30 días',
    '31-60': '31 a 60 días',
    '61-90': '61 a 90 días',
    '90+': 'Más de 90 días',
  } satisfies Record<AgingBucket, string>,

  creditStatus: {
    active: 'Crédito activo',
    hold: 'Crédito suspendido',
    revoked: 'Crédito revocado',
  } satisfies Record<CreditStatus, string>,

  channel: {
    phone: 'Teléfono',
    email: 'Correo',
    whatsapp: 'WhatsApp',
    visit: 'Visita',
    meeting: 'Reunión',
    other: 'Otro',
  } satisfies Record<ContactChannel, string>,

  barrierKind: {
    missing_document: 'Falta un documento',
    invoice_error: 'Error en la factura',
    withholding_certificate: 'Constancia fiscal o de retención',
    supplier_data: 'Actualización de datos de proveedor',
    approval_pending: 'Aprobación pendiente',
    dispute: 'Disputa por la mercancía o el servicio',
    other: 'Otra',
  } satisfies Record<BarrierKind, string>,

  barrierState: {
    open: 'Abierta',
    resolved: 'Resuelta',
    cancelled: 'Cancelada',
  } satisfies Record<BarrierState, string>,

  consequence: {
    legal: 'Cobranza judicial',
    suspension: 'Suspensión del servicio',
    bureau: 'Reporte al buró de crédito',
    credit_withdrawal: 'Retiro de la línea de crédito',
  } satisfies Record<Consequence, string>,

  pressureState: {
    pending: 'En plazo',
    met: 'Pagó a tiempo',
    applied: 'Consecuencia aplicada',
    cancelled: 'Cancelada',
  } satisfies Record<PressureState, string>,

  termsKind: {
    credit_hold: 'Suspender crédito',
    credit_revoked: 'Revocar crédito',
    credit_restored: 'Restablecer crédito',
    payment_plan: 'Plan de pagos',
    new_due_date: 'Nueva fecha de vencimiento',
  } satisfies Record<TermsKind, string>,

  promiseState: {
    pending: 'Pendiente',
    kept: 'Cumplida',
    partial: 'Cumplida en parte',
    broken: 'Incumplida',
    cancelled: 'Cancelada',
  } satisfies Record<PromiseState, string>,

  risk: {
    low: 'Riesgo bajo',
    medium: 'Riesgo medio',
    high: 'Riesgo alto',
  } satisfies Record<Risk, string>,

  role: {
    collector: 'Gestor de cobranza',
    lead: 'Jefe de cobranza',
    manager: 'Gerente de cobranza',
    admin: 'Administrador',
  } satisfies Record<Role, string>,

  /** With whom the negotiation happens on the debtor's side, by escalation level. */
  escalationLevel: {
    '0': 'Encargado de pagos',
    '1': 'Jefe de administración',
    '2': 'Gerente',
    '3': 'Director general',
    '4': 'Legal / recuperación',
  },
  /** The collector's list as plain text (CLI, demo). */
  worklist: {
    title: 'Lista de {name} para el {date}: {count} deudores',
    empty: 'Nada que gestionar hoy.',
    daysOverdue: 'vencido hace {days} días',
    notOverdue: 'sin vencido',
  },

  demo: {
    imported: '{file}: {inserted} nuevos, {updated} actualizados, {unchanged} sin cambios',
    activity: 'Gestiones de ejemplo registradas: {count}',
  },
} as const;

/** The shape every language follows: the same keys, each a string. */
export type CatalogShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
export type Catalog = CatalogShape<typeof es>;
