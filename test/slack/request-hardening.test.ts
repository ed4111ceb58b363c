import { count, eq, ne } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { auditLog, contactLogs, contacts, promises } from '../../src/db/schema/index.js';
import { errorMessage } from '../../src/slack/blocks/index.js';
import { t } from '../../src/slack/i18n/index.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_NOW, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { openView, selectInView, viewSubmission } from '../support/outcome-view.js';
import { SIGNING_SECRET, withHarness, type SlackHarness } from '../support/slack-app.js';
import { postSigned, slashCommandBody } from '../support/slack-requests.js';

const COLLECTOR = 'U0COB0001';
const COMMON = { channel: 'phone', contact: 'none', note: 'Llamada al área de pagos' };
const UNREADABLE = errorMessage('unreadable', 'es').text;

type ErrorsAck = { response_action: string; errors: Record<string, string> };

/** Rows an outcome or an acknowledgement would write. */
async function stored(database: Database) {
  const [[logs], [plans], [audits]] = await Promise.all([
    database.db.select({ n: count() }).from(contactLogs),
    database.db.select({ n: count() }).from(promises),
    database.db.select({ n: count() }).from(auditLog),
  ]);
  return { logs: logs!.n, promises: plans!.n, audits: audits!.n };
}

/** The next response_url post, after `act` has been acked with 200. */
async function responseTo(harness: SlackHarness, act: () => Promise<{ status: number }>) {
  const before = harness.slack.responses.length;
  expect((await act()).status).toBe(200);
  return JSON.stringify((await harness.waitFor(() => harness.slack.responses[before])).args);
}

/** The next call of a Web API method, after `act` has been acked with 200. */
async function callAfter(harness: SlackHarness, method: string, act: () => Promise<{ status: number }>) {
  const before = harness.slack.callsTo(method).length;
  expect((await act()).status).toBe(200);
  return harness.waitFor(() => harness.slack.callsTo(method)[before]);
}

describe('values typed or forged in the outcome modal', () => {
  test('a date past maxDaysAhead and a contact that is not the debtor\'s are refused on their blocks, and nothing is stored', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    const [foreign] = await database.db.select({ id: contacts.id }).from(contacts).where(ne(contacts.debtorId, id)).limit(1);
    const before = await stored(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const submit = async (values: Record<string, string>, viewId: string) => {
        const res = await harness.interactive(viewSubmission(COLLECTOR, openView(id, { ...COMMON, ...values }, viewId)));
        expect(res.status).toBe(200);
        return res.json() as ErrorsAck;
      };
      const commitment = { outcome_type: 'commitment', promise_amount: '1000.00', instalments: '1' };

      // DEMO_NOW is 2026-11-23 in Mexico City; 180 days later is 2027-05-22.
      const far = await submit({ ...commitment, promise_date: '9999-12-31' }, 'VFAR');
      expect(far).toEqual({
        response_action: 'errors',
        errors: { promise_date: 'La fecha no puede ser posterior al sáb 22 may 2027 (180 días a partir de hoy).' },
      });
      const dayAfter = await submit({ ...commitment, promise_date: '2027-05-23' }, 'VDAYAFTER');
      expect(Object.keys(dayAfter.errors)).toEqual(['promise_date']);

      const forged = await submit({ ...commitment, promise_date: '2026-11-30', contact: String(foreign!.id) }, 'VFORGED');
      expect(forged).toEqual({ response_action: 'errors', errors: { contact: t('es', 'outcomeError.unknown_contact') } });
      const unknown = await submit({ outcome_type: 'reminder', contact: '999999' }, 'VUNKNOWN');
      expect(unknown.errors).toEqual({ contact: t('es', 'outcomeError.unknown_contact') });
      const outOfRange = await submit({ outcome_type: 'reminder', contact: '9999999999' }, 'VHUGE');
      expect(outOfRange.errors).toEqual({ contact: t('es', 'outcomeError.unknown_contact') });
      const nul = await submit({ outcome_type: 'reminder', note: 'pagó\u0000' }, 'VNUL');
      expect(nul.errors).toEqual({ note: t('es', 'outcomeError.control_characters') });
      expect(await stored(database)).toEqual(before);

      // The last day allowed is accepted.
      const edge = await submit({ ...commitment, promise_date: '2027-05-22' }, 'VEDGE');
      expect(edge.response_action).toBe('update');
      expect(await database.db.select({ on: promises.promisedOn }).from(promises).where(eq(promises.debtorId, id))).toContainEqual({ on: '2027-05-22' });
    });
  });
});

describe('values that do not parse', () => {
  test('are acked at once with a clear message, never a loading modal, and nothing is stored', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    const before = await stored(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const inChannel = { channel: 'C0COBRANZA', ts: '1.1' };

      // Modal submissions whose private_metadata is not JSON, or missing: the form is replaced by the reason.
      for (const metadata of ['{not json', '', '{"debtorId":"abc"}', '[1]']) {
        const view = { ...openView(id, { ...COMMON, outcome_type: 'reminder' }), private_metadata: metadata };
        const res = await harness.interactive(viewSubmission(COLLECTOR, view));
        expect(res.status).toBe(200);
        const answer = res.json() as { response_action: string; view: unknown };
        expect(answer.response_action, metadata).toBe('update');
        expect(JSON.stringify(answer.view), metadata).toContain(UNREADABLE);
      }

      // The type redraw of such a modal says the same in place of the form.
      const broken = { ...openView(id, COMMON, 'VBROKEN'), private_metadata: 'debtor=12' };
      const redraw = await callAfter(harness, 'views.update', () => harness.interactive(selectInView(COLLECTOR, broken, 'outcome_type', 'commitment')));
      expect(redraw.args.view_id).toBe('VBROKEN');
      expect(JSON.stringify(redraw.args.view)).toContain(UNREADABLE);

      // Button values that are not ids, in a channel (response_url) …
      for (const [action, value] of [
        ['log_outcome', 'abc'],
        ['log_outcome', '-1'],
        ['open_debtor', '12abc'],
        ['open_debtor', ''],
        ['ack_alarm', '1e3'],
        ['ack_alarm', '99999999999'],
      ] as const) {
        const answer = await responseTo(harness, () => harness.clickButton(COLLECTOR, action, value, inChannel));
        expect(answer, `${action} ${value}`).toContain(UNREADABLE);
      }
      // … and from App Home, which has no response_url: a modal says it, no "Cargando…" first.
      const homeAnswer = await callAfter(harness, 'views.open', () => harness.clickButton(COLLECTOR, 'log_outcome', 'NaN'));
      expect(JSON.stringify(homeAnswer.args.view)).toContain(UNREADABLE);
      expect(JSON.stringify(harness.slack.callsTo('views.open'))).not.toContain(t('es', 'notice.loading'));

      // An alarm that does not exist.
      const missing = await responseTo(harness, () => harness.clickButton('U0JEF0001', 'ack_alarm', '424242', inChannel));
      expect(missing).toContain(errorMessage('alarm_not_found', 'es').text);

      // A NUL byte (or another control character) in /deudor.
      for (const text of ['ferre\u0000teria', '\u0007', 'aguila\u001b[2J']) {
        const answer = await responseTo(harness, () => harness.command(COLLECTOR, text));
        expect(answer, JSON.stringify(text)).toContain(errorMessage('bad_search_text', 'es', { taxIdLabel: 'RFC' }).text);
      }
      expect(harness.slack.callsTo('views.update')).toHaveLength(1);
    });
    expect(await stored(database)).toEqual(before);
  });
});

describe('request timestamps', () => {
  test('more than five minutes in the future are refused with 401, like stale ones; four minutes ahead is served', async ({ database }) => {
    await withHarness(database, {}, async (harness) => {
      const now = Math.floor(Date.now() / 1000);
      const post = (offsetSeconds: number) =>
        postSigned(
          harness.eventsUrl,
          SIGNING_SECRET,
          slashCommandBody({ command: '/deudor', text: 'ayuda', user_id: COLLECTOR, response_url: harness.responseUrl() }),
          'application/x-www-form-urlencoded',
          { timestamp: now + offsetSeconds },
        );
      for (const offset of [6 * 60, 365 * 24 * 3600, -6 * 60]) {
        const res = await post(offset);
        expect(res.status, `offset ${offset}`).toBe(401);
        expect(res.body).toBe('');
      }
      const accepted = await post(4 * 60);
      expect(accepted.status).toBe(200);
      await harness.waitFor(() => harness.slack.responses[0]);
      // Only the accepted request reached the command.
      expect(harness.slack.responses).toHaveLength(1);
    });
  });
});
