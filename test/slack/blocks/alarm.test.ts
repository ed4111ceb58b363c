import { describe, expect, it } from 'vitest';
import { ALARM_KINDS, alarmMessage, type AlarmKind } from '../../../src/slack/blocks/index.js';
import { isMessageKey, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION, BLOCK } from '../../../src/slack/ids.js';
import { alarmView, longName } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

/** What each kind must say, with its details filled in and words for codes. */
const EXPECTED: Record<Locale, Record<AlarmKind, string>> = {
  es: {
    promise_broken: 'Promesa incumplida: $10,000.00 MXN para el mié 18 nov 2026, sin pago.',
    promise_partial: 'Promesa cumplida en parte: de $10,000.00 MXN para el mié 18 nov 2026 pagó $4,000.00 MXN; faltan $6,000.00 MXN.',
    escalation: 'Escalamiento: pasa de nivel 1 (Jefe de administración) a nivel 2 (Gerente) por las promesas incumplidas.',
    pressure_deadline: 'Venció el plazo de la consecuencia anunciada (Reporte al buró de crédito, vie 20 nov 2026) sin pago: aplícala.',
    barrier_overdue: 'Barrera vencida: Falta un documento, a cargo de <@U0OWNER01>, debía resolverse el jue 19 nov 2026.',
    no_contact: 'Vencido y sin gestiones registradas en 9 días (5 días hábiles).',
    no_collector: 'Tiene $250,000.00 MXN vencido y ningún gestor asignado.',
    no_email: 'Ningún contacto de nivel 2 (Gerente) o inferior tiene correo: sus avisos por correo esperan.',
    email_bounced: 'El servidor de correo rechazó pagos@acme.mx (550 5.1.1 mailbox unavailable): no se le enviarán más avisos hasta que contacts.csv lo cambie.',
  },
  en: {
    promise_broken: 'Broken promise: $10,000.00 MXN for Wed, Nov 18, 2026, unpaid.',
    promise_partial: 'Promise partly kept: of $10,000.00 MXN for Wed, Nov 18, 2026 they paid $4,000.00 MXN; $6,000.00 MXN missing.',
    escalation: 'Escalation: moves from level 1 (Head of administration) to level 2 (Manager) because of broken promises.',
    pressure_deadline: 'The deadline of the announced consequence (Credit bureau report, Fri, Nov 20, 2026) passed unpaid: apply it.',
    barrier_overdue: 'Overdue barrier: Missing document, owned by <@U0OWNER01>, was due Thu, Nov 19, 2026.',
    no_contact: 'Overdue with no contact logged in 9 days (5 working days).',
    no_collector: 'Has $250,000.00 MXN overdue and no collector assigned.',
    no_email: 'No contact at level 2 (Manager) or below has an email: its email notices wait.',
    email_bounced: 'The mail server refused pagos@acme.mx (550 5.1.1 mailbox unavailable): no more notices go to it until contacts.csv changes it.',
  },
};

describe('alarmMessage', () => {
  it('every kind has its message', () => {
    for (const kind of ALARM_KINDS) expect(isMessageKey(`alarm.${kind}`), kind).toBe(true);
  });

  it.each(ALARM_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))('%s in %s', (kind, locale) => {
    const message = alarmMessage(alarmView(kind), locale);
    const expected = `*Construcciones Pérez &amp; Hijos, S.A. de C.V.*: ${EXPECTED[locale][kind]}`;
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { text: expect.stringContaining(expected) as string } });
    expect(message.text).toContain(expected);
    expect(findAll(message.blocks, 'button').map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.logOutcome, '42'],
      [ACTION.openDebtor, '42'],
      [ACTION.ackAlarm, '900'],
    ]);
    expectWithinLimits(message);
  });

  it('mentions whom the alarm is for, in the text that notifies', () => {
    const message = alarmMessage(alarmView('escalation', { mentions: ['U0LEAD001', 'U0MANAGER1'] }), 'es');
    expect(message.text.startsWith('<@U0LEAD001> <@U0MANAGER1> ')).toBe(true);
    expect(visibleText(message.blocks[0])).toContain('<@U0LEAD001> <@U0MANAGER1>');
  });

  it.each([
    ['es', 'Atendida por <@U0LEAD001> el 23 nov 2026 09:14'],
    ['en', 'Acknowledged by <@U0LEAD001> on Nov 23, 2026 09:14'],
  ] as const)('once acknowledged, says who and when in the policy zone instead of the button (%s)', (locale, expected) => {
    const acknowledged = { bySlackId: 'U0LEAD001', at: new Date('2026-11-23T15:14:00Z') };
    const message = alarmMessage(alarmView('promise_broken', { acknowledged }), locale);
    expect(findAll(message.blocks, 'button').map((b) => b.action_id)).toEqual([ACTION.logOutcome, ACTION.openDebtor]);
    expect(message.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: expected }] });
    expectWithinLimits(message);
  });

  it.each(LOCALES)('an overdue barrier offers resolve_barrier with its id, in the block the listener knows (%s)', (locale) => {
    const message = alarmMessage(alarmView('barrier_overdue', { barrier: { id: 600, resolved: null } }), locale);
    expect(findAll(message.blocks, 'button').map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.logOutcome, '42'],
      [ACTION.openDebtor, '42'],
      [ACTION.ackAlarm, '900'],
      [ACTION.resolveBarrier, '600'],
    ]);
    expect(message.blocks[1]).toMatchObject({ type: 'actions', block_id: BLOCK.alarmActions });
    expectWithinLimits(message);
  });

  it.each([
    ['es', 'Atendida por <@U0LEAD001> el 23 nov 2026 09:14', 'Resuelta por <@U0OWNER01> el 23 nov 2026 09:20'],
    ['en', 'Acknowledged by <@U0LEAD001> on Nov 23, 2026 09:14', 'Resolved by <@U0OWNER01> on Nov 23, 2026 09:20'],
  ] as const)('once its barrier is resolved, says who and when instead of the button, beside the acknowledgement (%s)', (locale, ack, resolved) => {
    const message = alarmMessage(
      alarmView('barrier_overdue', {
        acknowledged: { bySlackId: 'U0LEAD001', at: new Date('2026-11-23T15:14:00Z') },
        barrier: { id: 600, resolved: { bySlackId: 'U0OWNER01', at: new Date('2026-11-23T15:20:00Z') } },
      }),
      locale,
    );
    expect(findAll(message.blocks, 'button').map((b) => b.action_id)).toEqual([ACTION.logOutcome, ACTION.openDebtor]);
    expect(message.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: ack }, { type: 'mrkdwn', text: resolved }] });
    expectWithinLimits(message);
  });

  it('a barrier resolved automatically says so', () => {
    const message = alarmMessage(alarmView('barrier_overdue', { barrier: { id: 600, resolved: { bySlackId: null, at: new Date('2026-11-23T15:20:00Z') } } }), 'es');
    expect(findAll(message.blocks, 'button').map((b) => b.action_id)).toEqual([ACTION.logOutcome, ACTION.openDebtor, ACTION.ackAlarm]);
    expect(visibleText(message.blocks)).toContain('Resuelta automáticamente el 23 nov 2026 09:20, sin nada vencido');
  });

  it('shows a missing detail as a dash and unknown codes as escaped text', () => {
    const message = alarmMessage(alarmView('barrier_overdue', { details: { kind: 'new<kind>', owner: null, dueOn: '2026-11-19' } }), 'es');
    expect(visibleText(message.blocks)).toContain('Barrera vencida: new&lt;kind&gt;, a cargo de —, debía resolverse el jue 19 nov 2026.');
    expectWithinLimits(message);
  });

  it.each(LOCALES)('a 200-character name and long details stay within limits (%s)', (locale) => {
    const message = alarmMessage(
      alarmView('promise_partial', {
        debtor: { id: 1, name: longName(200) },
        details: { amount: longName(500), paid: longName(500), missing: longName(500), date: '2026-11-18' },
        mentions: ['U0LEAD001', 'U0MANAGER1'],
      }),
      locale,
    );
    expectWithinLimits(message);
  });
});
