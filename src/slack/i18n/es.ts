// Spanish, the default language of every user-facing string. `en.ts` must have the same
// keys and placeholders; test/i18n.test.ts checks both. Add keys in a section of their
// own (one per surface) so catalogs grow without conflicts.

import type { AgingBucket } from '../../domain/aging.js';
import type { EscalationCause } from '../../domain/escalation.js';
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
import type { AlarmKind } from '../blocks/alarm.js';

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
    too_far: 'La fecha no puede ser posterior al {date} ({days} días a partir de hoy).',
    unknown_contact: 'Ese contacto no es de este deudor; elige uno de la lista.',
    control_characters: 'El texto tiene caracteres de control que no se pueden guardar; bórralo y escríbelo de nuevo.',
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
    fraud: 'Marcado como fraude',
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
  /** `cobranza report`: what it says besides the report itself (whose words are `weeklyReport`'s). */
  reportText: {
    noCollector: 'Sin gestor',
    noTeams: 'No hay equipos: importa los usuarios primero (cobranza import users).',
    wroteCsv: 'report {file}: semana {week}, {teams} equipo(s)',
    wrotePng: 'report {file}: gráfica de la semana {week}',
    nothingToDraw: 'report: no hay cifras que dibujar en la semana {week} (ningún equipo tiene saldos ni cobros)',
  },

  /** The weekly report's chart files in the team's channel. */
  reportFiles: {
    title: 'Cartera de {team}, semana {week} ({currency})',
    altText: 'Gráfica de {team} en {currency}: saldo abierto por antigüedad, apilado, y lo cobrado en cada una de las últimas 12 semanas hasta la semana {week}',
  },

  /** The collector's list as plain text (CLI, demo). */
  worklist: {
    title: 'Lista de {name} para el {date}: {count} deudores',
    empty: 'Nada que gestionar hoy.',
    daysOverdue: 'vencido hace {days} días',
    notOverdue: 'sin vencido',
  },

  localSlack: {
    serving: 'Slack local listo: abre {url} en el navegador (Ctrl-C para terminar).',
    badDate: '"{date}" no es una fecha AAAA-MM-DD',
  },

  demo: {
    imported: '{file}: {inserted} nuevos, {updated} actualizados, {unchanged} sin cambios',
    activity: 'Gestiones de ejemplo registradas: {count}',
  },

  /** What the `cobranza` CLI prints: help, summaries, job lines and its own errors. */
  cli: {
    usage: 'Uso: cobranza <comando> [argumentos] [opciones]',
    commands: 'Comandos:',
    helpHint: 'Ayuda de un comando: cobranza help <comando> (o cobranza <comando> --help).',
    unknownCommand: 'comando desconocido "{name}"',
    usageTitle: 'Uso:',
    argumentsTitle: 'Argumentos:',
    optionsTitle: 'Opciones:',
    exampleTitle: 'Ejemplo:',
    helpOption: 'muestra esta ayuda sin ejecutar el comando',
    help: {
      start: {
        summary: 'Atiende Slack (y los trabajos programados) hasta recibir SIGTERM.',
        localSlack: 'atiende el Slack local en el navegador (sin tokens de Slack), sobre los datos importados: para probar, nunca en producción',
      },
      check: { summary: 'Revisa entorno, política, base de datos, token de Slack, SMTP y canales de alarma; una línea por revisión.' },
      migrate: { summary: 'Aplica las migraciones pendientes de la base de datos.' },
      import: {
        summary: 'Importa una exportación del ERP en una sola transacción.',
        kind: 'qué contiene el archivo: users, debtors, contacts, invoices o payments',
        file: 'el archivo CSV exportado del ERP',
      },
      export: {
        summary: 'Exporta las decisiones de crédito del equipo en CSV, para que el ERP bloquee o libere pedidos.',
        kind: 'qué exportar: credit-status',
        out: 'escribe el CSV en FILE en lugar de la salida estándar',
      },
      runJob: {
        summary: 'Ejecuta un trabajo (una vez por fecha) y entrega sus mensajes.',
        job: 'el trabajo: daily-list, alarms, notices (los correos a deudores) o weekly-report (el informe semanal, solo el día weeklyReportDay)',
        date: 'la fecha del trabajo (por defecto, hoy en la zona horaria de la política)',
        dryRun: 'muestra los mensajes y correos que enviaría, sin guardar ni enviar nada',
      },
      report: {
        summary: 'Muestra el informe semanal de cada equipo (o de uno) como texto, o lo escribe en CSV o como gráfica PNG.',
        week: 'la semana ISO del informe (por defecto, la última semana completa en la zona horaria de la política)',
        team: 'solo el equipo con ese nombre (por defecto, todos)',
        out: 'escribe el CSV (una fila por equipo, gestor y moneda) o la gráfica PNG en ese archivo; con varias gráficas, un archivo por equipo y moneda',
      },
      outbox: {
        summary: 'Lista los mensajes sin entregar, devuelve los fallidos a la cola o muestra uno.',
        action: 'retry [ID…] devuelve a la cola los fallidos (todos si no hay ids); show ID muestra un mensaje',
      },
      demo: {
        summary: 'Carga la empresa de ejemplo y la abre en un Slack local en el navegador (PORT, por omisión 3000).',
        print: 'solo muestra la lista de hoy de cada gestor y termina',
      },
      backup: {
        summary: 'Escribe una copia consistente de la base de datos embebida (también con la app en marcha).',
        out: 'el archivo de la copia (por omisión cobranza-backup-AAAA-MM-DD.tar.gz en la carpeta actual)',
      },
      restore: {
        summary: 'Restaura una copia de "cobranza backup" en un DATA_DIR vacío o nuevo.',
        file: 'la copia (.tar.gz) escrita por cobranza backup',
      },
      bench: {
        summary: 'Mide la importación y los trabajos con datos generados (desde una copia del repositorio).',
        scale: 'multiplica el tamaño de los datos (hasta 100)',
        db: 'la base de datos: pglite o postgres (DATABASE_URL)',
        only: 'mide solo esa etapa',
      },
    },
    started: 'Cobranza está en marcha ({mode}, {database}).',
    startedHttp: 'HTTP en el puerto {port}, POST /slack/events',
    importSummary: '{kind} {file}: {rows} filas, {inserted} nuevas, {updated} actualizadas, {unchanged} sin cambios ({seconds} s)',
    importUsage: 'uso: cobranza import <{kinds}> <archivo.csv>',
    importUnknownKind: 'import: tipo desconocido "{kind}" ({usage})',
    importWindows1252: 'El archivo no era UTF-8: se leyó como Windows-1252.',
    importProgress: '{phase}: {rows} filas ({rate} filas/s)',
    importPhaseReading: 'leyendo',
    importPhaseChecking: 'revisando',
    importPhaseStoring: 'guardando',
    backupUsage: 'uso: cobranza backup [--out ARCHIVO]',
    backupWritten: 'backup {file}: {size} KB',
    backupPostgres: 'backup: la base de datos es PostgreSQL (DATABASE_URL): se aplican las copias del propio servidor (pg_dump)',
    backupNoDatabase: 'backup: DATA_DIR {dir} no tiene base de datos',
    backupCannotWrite: 'backup: no se puede escribir {file}: {reason}',
    restoreUsage: 'uso: cobranza restore ARCHIVO',
    restorePostgres: 'restore: la base de datos es PostgreSQL (DATABASE_URL): se aplican las copias del propio servidor (pg_restore)',
    restoreNotEmpty: 'restore: DATA_DIR {dir} no está vacío; restaure en un directorio vacío o nuevo',
    restoreCannotRead: 'restore: no se puede leer {file}: {reason}',
    restoreFailed: 'restore: {file} no es una copia de cobranza backup ({reason})',
    restored: 'restore {file}: base de datos restaurada en {dir}',
    migrated: 'La base de datos está al día ({where}).',
    migratedEmbedded: 'embebida, {dir}',
    exported: 'export credit-status {file}: {count} deudor(es) con decisión del equipo',
    args: {
      unknownOption: '{command}: opción desconocida "{name}"',
      unknownArgument: '{command}: argumento desconocido "{name}"',
      needsValue: '{command}: {option} necesita un valor',
      exportUsage: 'uso: cobranza export credit-status [--out FILE]',
      exportUnknownKind: 'export: tipo desconocido "{kind}" ({usage})',
      exportNeedsFile: 'export: --out necesita un nombre de archivo ({usage})',
      exportCannotWrite: 'export: no se puede escribir {file}: {reason}',
      exportNoFolder: 'su carpeta no existe',
      outboxUsage: 'uso: cobranza outbox [retry [ID…] | show ID]',
      outboxNotAnId: 'outbox {action}: "{arg}" no es un id de mensaje (el número después de # en "cobranza outbox")',
      outboxShowOne: 'outbox show: indica un id de mensaje ({usage})',
      outboxUnknownAction: 'outbox: acción desconocida "{action}" ({usage})',
      jobName: 'run-job: el trabajo debe ser uno de {jobs}',
      jobNameGot: 'run-job: el trabajo debe ser uno de {jobs} (se recibió "{job}")',
      jobDate: 'run-job: --date debe ser una fecha AAAA-MM-DD (se recibió "{date}")',
      reportUsage: 'uso: cobranza report [--week AAAA-Www] [--team NOMBRE] [--out ARCHIVO.png|ARCHIVO.csv]',
      reportWeek: 'report: --week debe ser una semana ISO AAAA-Www que exista, como 2026-W49 (se recibió "{week}")',
      reportOut: 'report: --out debe terminar en .csv o .png (se recibió "{file}")',
      reportTeam: 'report: --team: no hay ningún equipo "{team}" (equipos: {teams})',
      reportCannotWrite: 'report: no se puede escribir {file}: {reason}',
    },
    check: {
      state: { ok: 'ok', warning: 'aviso', failed: 'falla' },
      env: 'env: {mode}, {database}',
      httpMode: 'modo HTTP en el puerto {port}',
      postgresAt: 'PostgreSQL en {url}',
      embeddedIn: 'base de datos embebida en {dir}',
      policy: 'policy: {file}, {teams}, zona horaria {timeZone}, idioma {locale}',
      builtInPolicy: 'valores por defecto',
      teamsOne: '1 equipo',
      teamsMany: '{count} equipos',
      database: 'database: {where} responde, esquema al día',
      databaseEmbedded: 'embebida en {dir}',
      slackNotChecked: 'slack: sin revisar, falta SLACK_BOT_TOKEN (start lo necesita; run-job --dry-run no)',
      slackOk: 'slack: el token del bot funciona (espacio de trabajo {team}, usuario del bot {bot})',
      notChecked: '{name}: sin revisar hasta corregir env',
      smtpNotConfigured: 'SMTP: sin configurar (no se envía ningún correo)',
      smtpOk: 'SMTP: {server} responde',
      smtpFailed: 'SMTP: {error}',
      channel: 'teams[{index}].alarmChannel: el equipo "{team}" publica en {channel}',
      noChannel: 'teams[{index}].alarmChannel: el equipo "{team}" no tiene canal de alarmas, así que sus alarmas y resúmenes no llegan a nadie',
      failed: 'check: fallaron {failed} de {total} revisiones',
    },
    job: {
      notWorkingDay: '{job} {date}: no es día hábil, nada que hacer.',
      alreadyRan: '{job} {date}: ya se ejecutó para esta fecha, no se envió nada.',
      disabled: '{job} {date}: desactivado en la política (notices.enabled), nada que hacer.',
      notReportDay: '{job} {date}: no es el día del informe semanal (weeklyReportDay), nada que hacer.',
      dryRunFile: 'Archivo {name} ({kb} KB): {title}',
      ran: '{job} {date}: {counts}.',
      dryRun: 'Simulación: {line}',
      dryRunMessage: 'Mensaje {n} de {total} a {channel}{recipient}:',
      alarmGone: '(nada que enviar: su alarma ya no existe)',
      dryRunDone: 'Simulación: se enviarían {count} mensaje(s); no se guardó ni envió nada.',
      dryRunEmail: 'Correo {n} de {total} a {to}:',
      dryRunEmailSubject: 'Asunto: {subject}',
      dryRunEmailAttachment: 'Adjunto: {name}',
      dryRunEmailsDone: 'Simulación: se encolarían {count} correo(s); no se guardó ni envió nada.',
      delivered: 'Entregados {sent} mensaje(s); {waiting} en espera y {failed} fallidos en la bandeja de salida (ver "cobranza outbox").',
      warning: 'aviso: {warning}',
      counts: {
        judged: 'juzgadas',
        kept: 'cumplidas',
        partial: 'parciales',
        broken: 'incumplidas',
        levelChanges: 'cambios de nivel',
        barriersResolved: 'barreras resueltas',
        alarms: 'alarmas',
        posted: 'publicadas',
        collectors: 'gestores',
        debtors: 'deudores',
        messages: 'mensajes',
        summaries: 'resúmenes',
        planned: 'avisos planeados',
        queued: 'correos encolados',
        skipped: 'avisos omitidos',
        waiting: 'avisos en espera de un correo',
        teams: 'equipos',
        charts: 'gráficas',
      },
    },
  },

  /** `cobranza outbox`: the messages waiting, failed or asked for, as text. */
  outboxCli: {
    empty: 'La bandeja de salida está vacía: se entregaron todos los mensajes.',
    state: {
      pending: 'pendiente',
      sending: 'enviándose',
      sent: 'enviado',
      failed: 'fallido',
    },
    queued: 'en cola hace {waited}',
    attempts: '{count} intento(s)',
    lastError: 'último error: {error}',
    nextAttemptIn: 'próximo intento en {wait}',
    nextAttemptNow: 'próximo intento: ya',
    claimed: 'tomado hace {wait}',
    inDoubt: 'quizá ya está en Slack: se buscará en el historial del canal antes de enviarlo',
    alarm: 'mensaje de la alarma #{id}',
    retried: '#{id} vuelve a la cola.',
    retriedAll: 'Mensajes fallidos de vuelta en la cola: {count}.',
    noneFailed: 'No hay mensajes fallidos.',
    notFailed: '#{id} no está fallido (estado: {state}): queda como está.',
    notFound: '#{id} no existe.',
    title: 'Mensaje #{id} → {channel}',
    text: 'Texto:',
    alarmPending: 'Mensaje de la alarma #{id}: se redacta al enviarse. Así se vería ahora:',
    alarmGone: 'Mensaje de la alarma #{id}, que ya no existe: no hay nada que enviar.',
  },

  // ---- Slack surfaces (src/slack/blocks) ----

  /** Buttons and phrases shared by several surfaces. */
  common: {
    logOutcome: 'Registrar gestión',
    openDebtor: 'Ver ficha',
    andMore: 'y {count} más',
    noCollector: 'sin gestor',
    levelLabel: '{level} · {label}',
  },

  /** The debtor card (`/deudor`). */
  card: {
    fallback: 'Ficha de {name}: {overdue} vencido',
    fallbackNoOverdue: 'Ficha de {name}: nada vencido',
    ids: 'Código {externalId} · {taxIdLabel} {taxId}',
    collector: 'Gestor',
    level: 'Nivel de escalamiento',
    credit: 'Crédito',
    oldest: 'Vencido más antiguo',
    oldestDays: '{days} días',
    nothingOverdue: 'Nada vencido',
    balances: 'Saldos',
    balanceLine: '{currency}: {open} abierto, {overdue} vencido',
    noBalance: 'Sin saldo abierto.',
    nextAction: 'Siguiente acción sugerida',
    promises: 'Promesas abiertas ({count})',
    promiseLine: '{date}: {amount}',
    instalment: 'pago {no} de {count}',
    barriers: 'Barreras abiertas ({count})',
    barrierLine: '{kind}, a cargo de {owner}, vence el {date}',
    barrierLineOverdue: '{kind}, a cargo de {owner}, venció el {date}',
    pressures: 'Consecuencias anunciadas ({count})',
    pressureLine: '{consequence}, plazo el {date}',
    contacts: 'Últimas gestiones',
    contactLine: '{date} · {objective} · {channel} · {author}',
    reachedWith: 'habló con {name}',
    reached: 'hubo contacto',
    notReached: 'sin contacto',
    noContacts: 'Sin gestiones registradas.',
    today: 'hoy',
    people: 'Contactos del deudor',
    noPeople: 'Sin contactos del deudor: cárgalos con la importación de contactos.',
    phone: 'Tel.',
    email: 'Correo',
    whatsapp: 'WhatsApp',
  },

  /** The card's credit lines under the status that applies: the team's decision and the ERP's status. */
  cardCredit: {
    decided: {
      active: 'Restablecido por {author} el {date}',
      hold: 'Suspendido por {author} el {date}',
      revoked: 'Revocado por {author} el {date}',
    } satisfies Record<CreditStatus, string>,
    byLadder: 'Revocado por el escalamiento al llegar al nivel {level}, el {date}',
    erp: 'En el ERP: {status}',
  },

  /** `/deudor` answers other than the card. */
  search: {
    pickTitle: 'Encontré {count} deudores para «{query}». Elige uno:',
    pickFallback: 'Varios deudores coinciden con «{query}»',
    notFound: 'No encontré ningún deudor para «{query}».',
    suggestions: '¿Buscabas alguno de estos?',
    usageHint: 'Escribe {command} seguido del nombre, el código o el {taxIdLabel} del deudor. {command} help muestra ejemplos.',
    helpFallback: 'Cómo usar {command}',
    helpTitle: 'Buscar un deudor',
    helpUsage: '{command} <nombre, código o {taxIdLabel}> muestra la ficha del deudor: saldos, promesas, barreras, últimas gestiones y la siguiente acción sugerida, con un botón para registrar la gestión.',
    helpExamples: 'Ejemplos',
    helpByName: 'por nombre; no importan acentos ni mayúsculas',
    helpByCode: 'por código de cliente',
    helpByTaxId: 'por {taxIdLabel}',
    helpMatches: 'Si varios deudores se parecen te muestro la lista para elegir; si ninguno coincide, te sugiero los nombres más cercanos.',
  },

  /** The outcome modal. */
  modal: {
    title: 'Registrar gestión',
    submit: 'Guardar',
    close: 'Cancelar',
    debtor: 'Gestión con *{name}* del {date}',
    outcomeType: 'Objetivo de la gestión',
    outcomeTypeHint: 'Al elegirlo aparecen sus campos.',
    channel: 'Medio',
    contact: '¿Con quién hablaste?',
    contactNone: 'Nadie / no contestó',
    note: 'Nota',
    notePlaceholder: 'Qué se habló, acuerdos, pretextos…',
    nextContact: 'Próximo contacto',
    nextContactHint: 'Ese día vuelve a tu lista.',
    choose: 'Elige una opción',
    chooseDate: 'Elige una fecha',
    choosePerson: 'Elige a una persona',
    promiseAmount: 'Monto prometido',
    amountHint: 'En {currency}, con punto decimal y sin separador de miles (p. ej. 12500.00).',
    promiseDate: 'Fecha prometida',
    instalments: 'Número de pagos',
    instalmentsHint: 'Con más de 1, el monto se reparte en pagos mensuales a partir de la fecha prometida.',
    barrierKind: 'Tipo de barrera',
    barrierDescription: 'Descripción',
    barrierOwner: 'Responsable interno',
    barrierDue: 'Resolver a más tardar',
    consequence: 'Consecuencia anunciada',
    deadline: 'Plazo para pagar',
    newTerms: 'Nuevas condiciones',
    planAmount: 'Monto total del plan',
    planFirstDate: 'Fecha del primer pago',
    planInstalments: 'Número de pagos mensuales',
    newDueDate: 'Nueva fecha de vencimiento',
    termsDetails: 'Detalles',
    unknownOwner: 'Esa persona no está registrada en Cobranza: elige a alguien del equipo.',
  },

  /** The lead's morning summary in the team channel. */
  leadSummary: {
    title: 'Resumen del equipo {team}, {date}',
    legend: 'Por gestor: deudores en la lista de hoy · gestiones desde el día hábil anterior · promesas que vencen hoy · promesas incumplidas · prometido · cobrado.',
    line: '{who}: {onList} en lista · {contacts} gestiones · {due} promesas hoy · {broken} incumplidas · prometido {promised} · cobrado {collected}',
    team: 'Equipo',
  },

  /** Small views: a modal that opens while the form loads, a card shown in a modal, Home for strangers. */
  notice: {
    loadingTitle: 'Cobranza',
    loading: 'Cargando…',
    cardTitle: 'Deudor',
    close: 'Cerrar',
    notRegisteredHome: 'Todavía no estás registrado en Cobranza. Pide a un administrador que te agregue para ver aquí tu lista del día.',
  },

  /** The confirmation shown once an outcome is stored. */
  stored: {
    title: 'Gestión registrada',
    close: 'Cerrar',
    summary: 'Registré la gestión con *{name}*: {objective} ({channel}).',
    reached: 'Hubo contacto con el deudor.',
    notReached: 'No se logró contacto.',
    followUp: 'Seguimiento',
    reminder: 'Recordatorio hecho.',
    promise: 'Promesa de {amount} para el {date}.',
    plan: 'Plan de {count} pagos mensuales desde el {date}, {amount} en total.',
    barrier: 'Barrera: {kind}, a cargo de {owner}, para el {date}.',
    description: 'Descripción: {text}',
    pressure: 'Consecuencia anunciada: {consequence}. Plazo: {date}.',
    terms: 'Nuevas condiciones: {terms}.',
    newDueDate: 'Nueva fecha de vencimiento: {date}.',
    details: 'Detalles: {text}',
    nextContact: 'Próximo contacto: {date}.',
    noNextContact: 'Sin fecha de próximo contacto.',
    note: 'Nota: {text}',
  },

  /** DM to the owner of a new barrier. */
  barrierAssigned: {
    text: '{assigner} te asignó una barrera de pago de {name}: {kind}, para el {date}.',
    body: '{assigner} te asignó una barrera de pago de *{name}*.',
    kindDue: '*{kind}*. Resolver a más tardar el {date}.',
  },

  /** Closing a barrier case (`resolve_barrier`), on every surface that shows one. */
  barrierResolution: {
    resolve: 'Marcar resuelta',
    resolvedBy: 'Resuelta por {user} el {when}',
    resolvedAutomatically: 'Resuelta automáticamente el {when}, sin nada vencido',
    alreadyBy: '{user} ya resolvió esta barrera el {when}; no hace falta hacer nada más.',
    alreadyAutomatically: 'Esta barrera ya se resolvió automáticamente el {when}, porque no quedaba nada vencido; no hace falta hacer nada más.',
    recent: 'Barreras resueltas recientemente',
  },

  /** The collector's daily list (DM). */
  noticesToday: {
    intro: 'Avisos por correo que salen hoy a las {time} ({count}): retén los que no deban salir hoy.',
    hold: 'Retener hoy',
    held: 'Retenido hoy por {user}: no sale hoy.',
    beforeDue: 'vence en {days} días',
    dueToday: 'vence hoy',
    dueTomorrow: 'vence mañana',
    overdueOne: '1 día vencido',
    overdue: '{days} días vencido',
    alreadySent: 'Ese aviso ya salió: no se puede retener.',
  },

  dailyList: {
    title: 'Tu lista de hoy, {date}: {count} deudores',
    titleOne: 'Tu lista de hoy, {date}: 1 deudor',
    text: '{name}, tu lista de hoy, {date}: {count} deudores',
    textOne: '{name}, tu lista de hoy, {date}: 1 deudor',
    continued: '(continúa, {part}/{parts})',
    continuedText: 'Tu lista de hoy, {date} (continúa, {part}/{parts})',
    nothing: 'Nada que gestionar hoy, {date}. No hay deudores en tu lista.',
  },

  /** Alarm texts by kind; amounts arrive formatted. */
  alarm: {
    promise_broken: 'Promesa incumplida: {amount} para el {date}, sin pago.',
    promise_partial: 'Promesa cumplida en parte: de {amount} para el {date} pagó {paid}; faltan {missing}.',
    escalation: 'Escalamiento: pasa de {from} a {to} por {cause}.',
    pressure_deadline: 'Venció el plazo de la consecuencia anunciada ({consequence}, {deadline}) sin pago: aplícala.',
    barrier_overdue: 'Barrera vencida: {kind}, a cargo de {owner}, debía resolverse el {dueOn}.',
    no_contact: 'Vencido y sin gestiones registradas en {days} días ({workingDays} días hábiles).',
    no_collector: 'Tiene {amount} vencido y ningún gestor asignado.',
    no_email: 'Ningún contacto de {level} o inferior tiene correo: sus avisos por correo esperan.',
    email_bounced: 'El servidor de correo rechazó {email} ({reason}): no se le enviarán más avisos hasta que contacts.csv lo cambie.',
  } satisfies Record<AlarmKind, string>,

  /** Why an escalation alarm moved the level. */
  escalationCause: {
    days_overdue: 'los días de vencido',
    broken_promises: 'las promesas incumplidas',
    paid_up: 'el pago de todo lo vencido',
  } satisfies Record<EscalationCause, string>,

  /** Buttons and states of an alarm message. */
  alarmMessage: {
    ack: 'Marcar atendida',
    level: 'nivel {level} ({label})',
    acknowledged: 'Atendida por {user} el {when}',
    missing: '—',
  },

  /** The App Home tab. */
  home: {
    greeting: 'Hola, {name}',
    today: 'Tu lista de hoy, {date}',
    todayCount: '{count} deudores por gestionar.',
    todayCountOne: '1 deudor por gestionar.',
    todayEmpty: 'Nada que gestionar hoy.',
    promises: 'Promesas abiertas',
    promisesEmpty: 'Sin promesas abiertas.',
    barriers: 'Barreras abiertas',
    barriersEmpty: 'Sin barreras abiertas.',
    alarms: 'Alarmas del equipo sin atender',
    alarmsEmpty: 'Ninguna alarma pendiente.',
    overdue: 'vencida',
  },

  /**
   * The automatic notice emailed to a debtor and its PDF statement of account. {debtor} and
   * {company} are names; {collector} and {email} the collector who signs.
   */
  noticeEmail: {
    subjectBeforeDue: 'Recordatorio: su factura vence pronto',
    subjectOverdue: 'Recordatorio de pago: tiene facturas vencidas',
    subjectFirm: 'Aviso importante: saldo vencido, le pedimos pagar hoy',
    greeting: 'Estimado(a) {name}:',
    greetingNoName: 'Estimado cliente:',
    introBeforeDue:
      'Le recordamos amablemente que {debtor} tiene facturas con {company} próximas a vencer. Este es su estado de cuenta:',
    introOverdue:
      'Le recordamos que {debtor} tiene facturas vencidas con {company}: le agradeceremos realizar el pago a la brevedad. Este es su estado de cuenta:',
    introFirm:
      '{debtor} tiene un saldo vencido con {company} que sigue sin pagarse. Le pedimos realizar el pago de inmediato y comunicarse con {collector} ({email}) para regularizar su cuenta. Este es su estado de cuenta:',
    number: 'Factura',
    issueDate: 'Emisión',
    dueDate: 'Vencimiento',
    amount: 'Importe',
    open: 'Saldo',
    daysOverdue: 'Días vencida',
    notDue: 'por vencer',
    total: 'Total pendiente',
    paymentInstructions: 'Instrucciones de pago',
    alreadyPaid: 'Si ya realizó el pago, por favor ignore este mensaje.',
    closing: 'Atentamente,',
    pdfTitle: 'Estado de cuenta',
    pdfDebtor: 'Cliente',
    pdfExternalId: 'Número de cliente',
    pdfDate: 'Fecha',
    pdfCurrency: 'Moneda',
    pdfCollector: 'Contacto de cobranza',
    pdfPage: 'Página {page} de {pages}',
  },

  /** The weekly report's chart: legend and axis names; aging buckets come from `aging`. */
  chart: {
    collected: 'Cobrado',
    openByAging: 'Saldo por antigüedad',
    weekEnding: 'Semana que termina',
  },

  /** The weekly report for leads (`weekly-report` job, `/cartera`). */
  weeklyReport: {
    title: 'Informe semanal · {team} · semana {week} ({start}–{end})',
    titleCollector: 'Informe semanal · {name} · {team} · semana {week} ({start}–{end})',
    teamActivity: 'Actividad del equipo',
    collectorActivity: 'Actividad de {name}',
    activity: '{contacts} gestiones registradas · {debtors} deudores trabajados · {notices} avisos enviados',
    promises: 'Promesas: {kept} cumplidas · {partial} parciales · {broken} incumplidas · cumplimiento {rate}',
    collected: 'Cobrado',
    promisedDue: 'Prometido con vencimiento en la semana',
    overdueNow: 'Vencido ahora',
    overdueBefore: 'Hace 4 semanas',
    noHistory: 'sin historial',
    unchanged: 'sin cambio',
    cei: 'CEI (4 semanas)',
    dso: 'DSO',
    days: '{days} días',
    percent: '{value} %',
    aging: 'Antigüedad del saldo',
    topOverdue: 'Mayores saldos vencidos',
    noOverdue: 'Ningún deudor tiene saldo vencido.',
    byCollector: 'Por gestor',
    colName: 'Gestor',
    colCollected: 'Cobrado',
    colContacts: 'Gestiones',
    colDebtors: 'Deudores',
    colKept: 'Cumpl.',
    noCollectors: 'Ningún gestor tiene cifras esta semana.',
    noMoney: 'Sin saldos ni cobros.',
    moreCurrencies: 'Otras monedas, no mostradas aquí: {currencies}',
    definitions:
      'CEI: parte de lo que había por cobrar en las últimas 4 semanas que se cobró. DSO: días que tarda en cobrarse una venta (saldo abierto ÷ ventas de los últimos 90 días × 90). Cumplimiento: promesas cumplidas ÷ promesas juzgadas (las parciales se cuentan aparte).',
    definitionKept: 'Cumplimiento: promesas cumplidas ÷ promesas juzgadas (las parciales se cuentan aparte).',
    fallback: '{title}. Cobrado: {collected}. {contacts} gestiones, cumplimiento {rate}.',
    collectorNotFound: 'No encuentro a nadie del equipo que se llame «{text}». Escribe su nombre o menciónalo con @, o usa {command} solo para el informe del equipo.',
    collectorAmbiguous: 'Varias personas coinciden con «{text}»: {names}. Escribe el nombre completo o menciónala con @.',
  },

  /**
   * What is wrong with a CSV import, line by line. Column names, policy keys (csv.dateFormat)
   * and the values the file must hold (YYYY-MM-DD, low, medium…) stay as they are.
   */
  importProblem: {
    summaryOne: '{file}: 1 error, no se importó nada',
    summary: '{file}: {count} errores, no se importó nada',
    atLine: '{file} línea {line}: {message}',
    atCell: '{file} línea {line}, columna {column}: {message}',
    more: 'y {count} más',
    noSuchFile: '{path}: no existe ese archivo',
    unreadableFile: '{path}: no se puede leer ({code})',
    notAFile: '{path} no es un archivo',
    either: '{first} o {second}',
    notCsv: 'no es un CSV válido: {reason}',
    quoteNotClosed: 'un campo entre comillas nunca se cierra (hay una " sin pareja antes del final del archivo)',
    quoteInField: 'hay una comilla dentro de un campo sin comillas (pon todo el campo entre comillas y duplica las comillas de adentro)',
    recordTooLong: 'un registro de más de 1 MB (probablemente una comilla sin cerrar)',
    textAfterQuote: 'hay texto después de la comilla que cierra un campo (duplica las comillas dentro de un campo entre comillas)',
    emptyFile: 'el archivo está vacío (se esperaba el encabezado {header})',
    unknownColumn: 'columna desconocida "{name}"',
    repeatedColumn: 'la columna "{name}" aparece dos veces',
    missingColumn: 'falta la columna {columns}',
    missingColumns: 'faltan las columnas {columns}',
    headerOfKind: 'un archivo de {kind} tiene el encabezado {header}',
    fieldCount: 'se esperaban {expected} campos y hay {found}',
    empty: 'está vacía',
    nulCharacter: 'contiene un carácter NUL',
    notUtf8: 'tiene caracteres que no son UTF-8 (exporta el archivo como UTF-8)',
    emptyDate: 'está vacía (se esperaba una fecha, {shape})',
    notDate: '"{value}" no es una fecha ({shape})',
    dateShape: '{format} o YYYY-MM-DD',
    dateFormatHint: 'configura csv.dateFormat como {formats} para leerla',
    dateOutOfRange: '"{value}" está fuera de rango ({min} a {max})',
    emptyOneOf: 'está vacía (se esperaba uno de estos valores: {values})',
    notOneOf: '"{value}" no es ninguno de estos valores: {values}',
    notInRange: '"{value}" no es {what} ({min} a {max})',
    contactLevel: 'un nivel de contacto',
    unknownCurrency: '"{value}" no es una moneda conocida (código ISO 4217, p. ej. MXN)',
    emptyAmount: 'está vacía (se esperaba un importe como 1234.50)',
    notAmount: '"{value}" no es un importe decimal (usa {example})',
    decimalPoint: 'dígitos y punto decimal, p. ej. 1234.50',
    decimalComma: 'dígitos y coma decimal, p. ej. 1.234,50',
    decimalCommaHint: 'configura csv.decimalSeparator como "," para leer comas decimales',
    decimalPointHint: 'csv.decimalSeparator es ","; configúralo como "." para leer puntos decimales',
    tooManyDecimals: '"{value}" tiene más de {digits} decimales para {currency}',
    tooLarge: '"{value}" es demasiado grande',
    negative: '"{value}" es negativo',
    notPositive: '"{value}" debe ser mayor que cero',
    dueBeforeIssue: '"{due}" es anterior a issue_date "{issued}"',
    notSlackId: '"{value}" no es un ID de usuario de Slack (como U012AB3CDE)',
    notEmail: '"{value}" no es un correo electrónico',
    notTeam: '"{value}" no es un equipo de la política ({teams})',
    repeated: '{what} "{key}" aparece de nuevo (la primera vez en la línea {first})',
    contactRepeated: 'el contacto "{name}" del deudor "{debtor}" aparece de nuevo (la primera vez en la línea {first})',
    missingReference: '{what} "{key}" no existe (importa primero {file})',
    otherDebtorsInvoice: 'la factura "{invoice}" es del deudor "{owner}", no de "{debtor}"',
    debtor: 'el deudor',
    invoice: 'la factura',
    payment: 'el pago',
    user: 'el usuario',
  },

  /** A file of the nightly drop folder (IMPORT_DIR) that could not be imported. */
  importFailed: {
    text: 'No se pudo importar {file}: no se guardó nada de ese archivo.',
    heading: ':warning: No se pudo importar {file}; no se guardó nada de ese archivo.',
    where: 'Se movió a {path} con sus errores al lado. Corrígelo y déjalo de nuevo en la carpeta.',
  },

  /** What a user sees when a request cannot be served. */
  error: {
    not_registered:
      'No te encuentro entre los usuarios de Cobranza. Pide a tu jefe de cobranza o a un administrador que te dé de alta.',
    forbidden: 'No tienes permiso para hacer esto. Si crees que deberías tenerlo, habla con tu jefe de cobranza.',
    failed: 'Algo salió mal de nuestro lado. Inténtalo de nuevo en un momento; si sigue fallando, avisa a un administrador.',
    debtor_not_found: 'Ya no encuentro a ese deudor. Búscalo de nuevo con {command}.',
    already_acknowledged: 'Esta alarma ya estaba atendida; no hace falta hacer nada más.',
    alarm_not_found: 'Esa alarma no existe; no hay nada que atender.',
    barrier_not_found: 'Esa barrera ya no existe; no hay nada que resolver.',
    notice_not_found: 'Ese aviso ya no existe; no hay nada que retener.',
    unreadable: 'No pude leer este botón o formulario; quizá viene de un mensaje antiguo. No se guardó nada: busca al deudor de nuevo con {command}.',
    bad_search_text: 'La búsqueda trae caracteres de control que no puedo buscar. Escribe el nombre, código o {taxIdLabel} del deudor después de {command}.',
  },
} as const;

/** The shape every language follows: the same keys, each a string. */
export type CatalogShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
export type Catalog = CatalogShape<typeof es>;
