// The page's own words, in the two languages the policy may choose.

export type Locale = 'es' | 'en';

export interface Strings {
  user: string;
  chooseUser: string;
  chooseUserHint: string;
  loading: string;
  loadFailed: string;
  appHome: string;
  mail: string;
  channels: string;
  directMessages: string;
  message: string;
  messagePlaceholder: (where: string) => string;
  onlyCommands: string;
  send: string;
  onlyYou: string;
  edited: string;
  noMessages: string;
  homeEmpty: string;
  cancel: string;
  close: string;
  optional: string;
  more: string;
  noMail: string;
  chooseMail: string;
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  attachments: string;
  runMorningOf: string;
  run: string;
  running: string;
  today: (date: string) => string;
  dismiss: string;
  local: string;
  roles: Record<string, string>;
  unread: (n: number) => string;
}

const es: Strings = {
  user: 'Usuario',
  chooseUser: 'Elige un usuario…',
  chooseUserHint: 'Elige arriba quién eres para ver lo que ve ese miembro del equipo.',
  loading: 'Cargando…',
  loadFailed: 'No se pudo cargar el estado',
  appHome: 'Inicio de la app',
  mail: 'Correo',
  channels: 'Canales',
  directMessages: 'Mensajes directos',
  message: 'Mensaje',
  messagePlaceholder: (where) => `Escribe un comando en ${where}, p. ej. /deudor ACME`,
  onlyCommands: 'Aquí solo se aceptan comandos que empiezan con /, como /deudor o /cartera.',
  send: 'Enviar',
  onlyYou: 'Solo tú puedes ver este mensaje',
  edited: '(editado)',
  noMessages: 'Todavía no hay mensajes.',
  homeEmpty: 'La app aún no ha publicado su inicio.',
  cancel: 'Cancelar',
  close: 'Cerrar',
  optional: '(opcional)',
  more: 'Más acciones',
  noMail: 'Todavía no se ha enviado ningún correo.',
  chooseMail: 'Elige un correo de la lista.',
  from: 'De',
  to: 'Para',
  replyTo: 'Responder a',
  subject: 'Asunto',
  attachments: 'Adjuntos',
  runMorningOf: 'Ejecutar la mañana del',
  run: 'Ejecutar',
  running: 'Ejecutando…',
  today: (date) => `Hoy: ${date}`,
  dismiss: 'Descartar',
  local: 'Slack local',
  roles: { collector: 'cobrador', lead: 'líder', manager: 'gerente', admin: 'administrador' },
  unread: (n) => `${n} sin leer`,
};

const en: Strings = {
  user: 'User',
  chooseUser: 'Choose a user…',
  chooseUserHint: 'Choose above who you are to see what that team member sees.',
  loading: 'Loading…',
  loadFailed: 'Could not load the state',
  appHome: 'App Home',
  mail: 'Mail',
  channels: 'Channels',
  directMessages: 'Direct messages',
  message: 'Message',
  messagePlaceholder: (where) => `Type a command in ${where}, e.g. /deudor ACME`,
  onlyCommands: 'Only commands starting with / are accepted here, such as /deudor or /cartera.',
  send: 'Send',
  onlyYou: 'Only visible to you',
  edited: '(edited)',
  noMessages: 'No messages yet.',
  homeEmpty: 'The app has not published its home yet.',
  cancel: 'Cancel',
  close: 'Close',
  optional: '(optional)',
  more: 'More actions',
  noMail: 'No email has been sent yet.',
  chooseMail: 'Choose an email from the list.',
  from: 'From',
  to: 'To',
  replyTo: 'Reply-To',
  subject: 'Subject',
  attachments: 'Attachments',
  runMorningOf: 'Run the morning of',
  run: 'Run',
  running: 'Running…',
  today: (date) => `Today: ${date}`,
  dismiss: 'Dismiss',
  local: 'Local Slack',
  roles: { collector: 'collector', lead: 'lead', manager: 'manager', admin: 'admin' },
  unread: (n) => `${n} unread`,
};

export const catalogs: Record<Locale, Strings> = { es, en };

export function strings(locale: Locale): Strings {
  return catalogs[locale];
}

/** BCP 47 tag for dates and times. */
export function intlLocale(locale: Locale): string {
  return locale === 'es' ? 'es-MX' : 'en-US';
}
