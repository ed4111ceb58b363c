// The local Slack's Web API, called by the real @slack/web-api client over HTTP.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeWebApiArgs, handleWebApi } from '../../src/local-slack/web-api.js';
import { LocalWorkspace } from '../../src/local-slack/workspace.js';

const ANA = 'U0COB0001';
const BETO = 'U0COB0002';
const ALARMS = 'C0ALARMS';
const BOT = { name: 'Cobranza', userId: 'U0COBRANZA', botId: 'B0COBRANZA' };

let workspace: LocalWorkspace;
let server: Server;
let origin: string;
let client: webApi.WebClient;
let changes: number;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method === 'POST' && path.startsWith('/api/')) {
        const answer = handleWebApi(workspace, path.slice(5), decodeWebApiArgs(body, req.headers['content-type']), { origin });
        return void res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      }
      if (req.method === 'POST' && path.startsWith('/local/upload/')) {
        const received = workspace.receiveUpload(decodeURIComponent(path.slice('/local/upload/'.length)), body, req.headers['content-type']);
        return void res.writeHead(received ? 200 : 404).end(received ? 'OK' : '');
      }
      const file = path.startsWith('/local/files/') ? workspace.fileBytes(path.slice('/local/files/'.length)) : undefined;
      if (file) return void res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The client logs every refusal; the tests look at them themselves.
  const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => webApi.LogLevel.ERROR, setName() {} };
  client = new webApi.WebClient('xoxb-local', { slackApiUrl: `${origin}/api/`, retryConfig: { retries: 0 }, logger: silent });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  workspace = new LocalWorkspace({
    bot: BOT,
    locale: 'es',
    members: [
      { id: ANA, name: 'Ana', role: 'collector' },
      { id: BETO, name: 'Beto', role: 'lead' },
    ],
    channels: [{ id: ALARMS, name: 'cobranza-alarmas', kind: 'channel' }],
  });
  changes = 0;
  workspace.on('change', () => void changes++);
});

interface Refusal {
  error?: string;
  response_metadata?: { messages?: string[] };
}

/** What the client threw for a call Slack answered with `ok: false`. */
async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    return (error as { data: Refusal }).data;
  }
  throw new Error('the call was not refused');
}

const pointsAt = (refusal: Refusal, pointer: string) =>
  (refusal.response_metadata?.messages ?? []).some((m) => m.startsWith('[ERROR] ') && m.endsWith(`[json-pointer:${pointer}]`));

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text } });
const modal = (title: string, extra: Record<string, unknown> = {}) => ({ type: 'modal' as const, title: { type: 'plain_text' as const, text: title }, blocks: [section('hola')], ...extra });

describe('auth and users', () => {
  it('auth.test names the bot', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: 'T0LOCAL' });
  });

  it('users.info answers a member and refuses a stranger', async () => {
    expect((await client.users.info({ user: ANA })).user).toMatchObject({ id: ANA, real_name: 'Ana', is_bot: false });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({ data: { ok: false, error: 'user_not_found' } });
  });

  it('refuses unknown methods', async () => {
    await expect(client.apiCall('chat.scheduleSomething', {})).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });
});

describe('chat.postMessage', () => {
  it('a post to a member id lands in their DM with the bot, shown only to them', async () => {
    const answer = await client.chat.postMessage({ channel: ANA, text: 'Tu lista de hoy', blocks: [section('*3* deudores')] });
    expect(answer).toMatchObject({ ok: true, channel: 'D0COB0001' });
    const ana = workspace.stateFor(ANA, '2026-12-07', false);
    expect(ana.conversations[0]).toEqual({ id: 'D0COB0001', name: 'Cobranza', kind: 'dm' });
    expect(ana.messages.D0COB0001).toEqual([
      { channel: 'D0COB0001', ts: answer.ts, user: BOT.userId, text: 'Tu lista de hoy', blocks: [section('*3* deudores')] },
    ]);
    const beto = workspace.stateFor(BETO, '2026-12-07', false);
    expect(beto.conversations.map((c) => c.id)).toEqual(['D0COB0002', ALARMS]);
    expect(beto.messages.D0COB0001).toBeUndefined();
    expect(changes).toBe(1);
  });

  it('a post to a channel id or its DM id is shown to everyone in it', async () => {
    await client.chat.postMessage({ channel: ALARMS, text: 'alarma' });
    await client.chat.postMessage({ channel: 'D0COB0002', text: 'para Beto' });
    expect(workspace.stateFor(ANA, '2026-12-07', false).messages[ALARMS]?.map((m) => m.text)).toEqual(['alarma']);
    expect(workspace.stateFor(BETO, '2026-12-07', false).messages.D0COB0002?.map((m) => m.text)).toEqual(['para Beto']);
  });

  const blocks51 = Array.from({ length: 51 }, (_, i) => section(`línea ${i}`));
  it.each<[string, Record<string, unknown>, string, string?]>([
    ['an unknown channel', { channel: 'C0NOWHERE', text: 'x' }, 'channel_not_found'],
    ['an unknown member', { channel: 'U0NOBODY', text: 'x' }, 'channel_not_found'],
    ['neither text nor blocks', { channel: ANA }, 'no_text'],
    ['text over 40,000 characters', { channel: ANA, text: 'x'.repeat(40_001) }, 'msg_too_long'],
    ['a header of 151 characters', { channel: ANA, text: 'x', blocks: [header('x'.repeat(151))] }, 'invalid_blocks', '/blocks/0/text/text'],
    ['51 blocks', { channel: ANA, text: 'x', blocks: blocks51 }, 'invalid_blocks', '/blocks'],
    ['an unknown block type', { channel: ANA, text: 'x', blocks: [{ type: 'banner', text: 'hola' }] }, 'invalid_blocks', '/blocks/0/type'],
    ['an empty section text', { channel: ANA, text: 'x', blocks: [section('')] }, 'invalid_blocks', '/blocks/0/text/text'],
    ['a repeated block_id', { channel: ANA, text: 'x', blocks: [{ ...section('a'), block_id: 'b' }, { ...section('b'), block_id: 'b' }] }, 'invalid_blocks', '/blocks/1/block_id'],
    ['metadata without an event type', { channel: ANA, text: 'x', metadata: { event_payload: {} } }, 'invalid_metadata_format'],
  ])('refuses %s', async (_name, args, error, pointer) => {
    const refusal = await refusalOf(client.apiCall('chat.postMessage', args));
    expect(refusal.error).toBe(error);
    if (pointer) expect(pointsAt(refusal, pointer)).toBe(true);
    expect(workspace.messagesIn('D0COB0001')).toEqual([]);
  });

  it('lets through what only the house rules refuse (unescaped mrkdwn)', async () => {
    await expect(client.chat.postMessage({ channel: ANA, text: 'x', blocks: [section('Pérez & Hijos')] })).resolves.toMatchObject({ ok: true });
  });

  it('hands out ts values that strictly increase, as Slack writes them', () => {
    const clocked = new LocalWorkspace({ bot: BOT, channels: [{ id: ALARMS, name: 'a', kind: 'channel' }], now: () => 1_765_000_000_500 });
    const ts = ['a', 'b', 'c'].map((text) => clocked.post(ALARMS, { text }).ts);
    expect(ts).toEqual(['1765000000.000001', '1765000000.000002', '1765000000.000003']);
  });
});

describe('chat.update, chat.postEphemeral, chat.delete', () => {
  it('an update changes the message in place and marks it edited', async () => {
    const first = await client.chat.postMessage({ channel: ANA, text: 'antes', blocks: [section('antes')] });
    await client.chat.postMessage({ channel: ANA, text: 'después' });
    const answer = await client.chat.update({ channel: first.channel!, ts: first.ts!, text: 'cambiado', blocks: [section('cambiado')] });
    expect(answer).toMatchObject({ ok: true, ts: first.ts });
    const messages = workspace.stateFor(ANA, '2026-12-07', false).messages.D0COB0001!;
    expect(messages.map((m) => [m.text, m.edited ?? false])).toEqual([['cambiado', true], ['después', false]]);
    expect(messages[0]!.blocks).toEqual([section('cambiado')]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown ts', { channel: 'D0COB0001', ts: '1.000001', text: 'x' }, 'message_not_found'],
    ['an unknown channel', { channel: 'C0NOWHERE', ts: '1.000001', text: 'x' }, 'channel_not_found'],
    ['invalid blocks', { channel: 'D0COB0001', ts: 'POSTED', text: 'x', blocks: [header('x'.repeat(151))] }, 'invalid_blocks'],
  ])('an update with %s is refused', async (_name, args, error) => {
    const posted = await client.chat.postMessage({ channel: ANA, text: 'antes' });
    const refusal = client.apiCall('chat.update', { ...args, ts: args.ts === 'POSTED' ? posted.ts : args.ts });
    await expect(refusal).rejects.toMatchObject({ data: { error } });
    expect(workspace.messagesIn('D0COB0001').map((m) => m.text)).toEqual(['antes']);
  });

  it('an ephemeral message is shown only to its member and is not in the history', async () => {
    await client.chat.postMessage({ channel: ALARMS, text: 'para todos' });
    const answer = await client.chat.postEphemeral({ channel: ALARMS, user: ANA, text: 'solo Ana', blocks: [section('solo Ana')] });
    expect(answer.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(workspace.stateFor(ANA, '2026-12-07', false).messages[ALARMS]?.map((m) => [m.text, m.ephemeralTo])).toEqual([
      ['para todos', undefined],
      ['solo Ana', ANA],
    ]);
    expect(workspace.stateFor(BETO, '2026-12-07', false).messages[ALARMS]?.map((m) => m.text)).toEqual(['para todos']);
    expect(workspace.stateFor(null, '2026-12-07', false).messages[ALARMS]?.map((m) => m.text)).toEqual(['para todos']);
    expect((await client.conversations.history({ channel: ALARMS })).messages?.map((m) => m.text)).toEqual(['para todos']);
  });

  it('an ephemeral message needs a member', async () => {
    await expect(client.apiCall('chat.postEphemeral', { channel: ALARMS, text: 'x' })).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: user'] } },
    });
    await expect(client.chat.postEphemeral({ channel: ALARMS, user: 'U0NOBODY', text: 'x' })).rejects.toMatchObject({ data: { error: 'user_not_in_channel' } });
  });

  it('chat.delete removes a message', async () => {
    const posted = await client.chat.postMessage({ channel: ALARMS, text: 'borrar' });
    await expect(client.chat.delete({ channel: ALARMS, ts: posted.ts! })).resolves.toMatchObject({ ok: true });
    expect(workspace.messagesIn(ALARMS)).toEqual([]);
    await expect(client.chat.delete({ channel: ALARMS, ts: posted.ts! })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });
});

describe('conversations', () => {
  it('conversations.open answers the member DM', async () => {
    expect(await client.conversations.open({ users: ANA })).toMatchObject({ ok: true, channel: { id: 'D0COB0001' } });
    await expect(client.conversations.open({ users: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('conversations.history pages newest first and gives metadata only when asked', async () => {
    const ts: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const metadata = { event_type: 'cobranza_list', event_payload: { n: i } };
      ts.push((await client.chat.postMessage({ channel: ANA, text: `m${i}`, metadata })).ts!);
    }
    const first = await client.conversations.history({ channel: 'D0COB0001', limit: 2, include_all_metadata: true });
    expect(first.messages?.map((m) => m.text)).toEqual(['m5', 'm4']);
    expect(first.messages?.[0]).toMatchObject({ ts: ts[4], bot_id: BOT.botId, metadata: { event_type: 'cobranza_list', event_payload: { n: 5 } } });
    expect(first.has_more).toBe(true);
    const texts: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.history({ channel: 'D0COB0001', limit: 2, cursor });
      texts.push(...(page.messages ?? []).map((m) => m.text ?? ''));
      expect(page.messages?.every((m) => m.metadata === undefined)).toBe(true);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(texts).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    const after = await client.conversations.history({ channel: 'D0COB0001', oldest: ts[2] });
    expect(after.messages?.map((m) => m.text)).toEqual(['m5', 'm4']);
    const inclusive = await client.conversations.history({ channel: 'D0COB0001', oldest: ts[2], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m5', 'm4', 'm3']);
  });

  it('conversations.history refuses a user id and an unknown channel', async () => {
    await expect(client.conversations.history({ channel: ANA })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(client.conversations.history({ channel: 'C0NOWHERE' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });
});

describe('views', () => {
  it('views.open needs a trigger the local Slack handed out', async () => {
    await expect(client.views.open({ trigger_id: '1.2.nope', view: modal('Registrar') })).rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });
    const trigger = workspace.newTrigger(ANA);
    expect(workspace.userOfTrigger(trigger)).toBe(ANA);
    const opened = await client.views.open({ trigger_id: trigger, view: modal('Registrar', { callback_id: 'log' }) });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'log' });
    const state = workspace.stateFor(ANA, '2026-12-07', false);
    expect(state.modals.map((m) => [m.id, m.view.title])).toEqual([[opened.view!.id, { type: 'plain_text', text: 'Registrar' }]]);
    expect(workspace.stateFor(BETO, '2026-12-07', false).modals).toEqual([]);
  });

  it('views.update with a stale hash is a hash_conflict; with the current one it redraws', async () => {
    const opened = await client.views.open({ trigger_id: workspace.newTrigger(ANA), view: modal('Uno', { external_id: 'ext-1' }) });
    const { id, hash } = opened.view!;
    const updated = await client.views.update({ view_id: id!, hash: hash!, view: modal('Dos') });
    expect(updated.view).toMatchObject({ id, type: 'modal' });
    expect(updated.view!.hash).not.toBe(hash);
    await expect(client.views.update({ view_id: id!, hash: hash!, view: modal('Tres') })).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    expect(workspace.viewById(id!)?.view.view.title).toEqual({ type: 'plain_text', text: 'Dos' });
    await expect(client.views.update({ view_id: 'V0NOPE', view: modal('x') })).rejects.toMatchObject({ data: { error: 'not_found' } });
  });

  it('views.update finds a view by external_id and clears its errors', async () => {
    const opened = await client.views.open({ trigger_id: workspace.newTrigger(ANA), view: modal('Uno', { external_id: 'ext-1' }) });
    workspace.setViewErrors(opened.view!.id!, { amount: 'Monto inválido' });
    expect(workspace.modalsOf(ANA)[0]?.errors).toEqual({ amount: 'Monto inválido' });
    await client.views.update({ external_id: 'ext-1', view: modal('Dos', { external_id: 'ext-1' }) });
    expect(workspace.modalsOf(ANA).map((m) => [m.id, m.errors])).toEqual([[opened.view!.id, undefined]]);
  });

  it('views.push stacks up to three modals; closing one closes those above it', async () => {
    const trigger = workspace.newTrigger(ANA);
    const ids = [(await client.views.open({ trigger_id: trigger, view: modal('Uno') })).view!.id!];
    for (const title of ['Dos', 'Tres']) ids.push((await client.views.push({ trigger_id: trigger, view: modal(title) })).view!.id!);
    await expect(client.views.push({ trigger_id: trigger, view: modal('Cuatro') })).rejects.toMatchObject({ data: { error: 'push_limit_reached' } });
    expect(workspace.modalsOf(ANA).map((m) => m.id)).toEqual(ids);
    workspace.closeView(ANA, ids[1]!);
    expect(workspace.modalsOf(ANA).map((m) => m.id)).toEqual([ids[0]]);
    workspace.clearModals(ANA);
    expect(workspace.stateFor(ANA, '2026-12-07', false).modals).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a title over 24 characters', modal('x'.repeat(25)), '/view/title/text'],
    ['inputs without submit', { ...modal('t'), blocks: [{ type: 'input', label: { type: 'plain_text', text: 'l' }, element: { type: 'plain_text_input', action_id: 'a' } }] }, '/view/submit'],
    ['101 blocks', { ...modal('t'), blocks: Array.from({ length: 101 }, () => section('x')) }, '/view/blocks'],
    ['a home view', { type: 'home', blocks: [section('x')] }, '/view/type'],
  ])('views.open refuses %s with invalid_arguments', async (_name, view, pointer) => {
    const refusal = await refusalOf(client.apiCall('views.open', { trigger_id: workspace.newTrigger(ANA), view }));
    expect(refusal.error).toBe('invalid_arguments');
    expect(pointsAt(refusal, pointer)).toBe(true);
    expect(workspace.modalsOf(ANA)).toEqual([]);
  });

  it('views.publish shows as the member App Home, keeping its id', async () => {
    const home = { type: 'home' as const, blocks: [section('Inicio')] };
    const first = await client.views.publish({ user_id: ANA, view: home });
    const second = await client.views.publish({ user_id: ANA, view: { ...home, blocks: [section('Inicio 2')] }, hash: first.view!.hash! });
    expect(second.view!.id).toBe(first.view!.id);
    expect(workspace.stateFor(ANA, '2026-12-07', false).home).toMatchObject({ id: first.view!.id, view: { blocks: [section('Inicio 2')] } });
    expect(workspace.stateFor(BETO, '2026-12-07', false).home).toBeNull();
    await expect(client.views.publish({ user_id: ANA, view: home, hash: first.view!.hash! })).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await expect(client.views.publish({ user_id: 'U0NOBODY', view: home })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });
});

describe('files', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 255]);

  it('the upload sequence shows a message with the file, whose bytes come back', async () => {
    const url = await client.files.getUploadURLExternal({ filename: 'semana.png', length: png.length });
    expect(url.upload_url).toBe(`${origin}/local/upload/${url.file_id}`);
    const upload = await fetch(url.upload_url!, { method: 'POST', body: png });
    expect(upload.status).toBe(200);
    await client.files.completeUploadExternal({ files: [{ id: url.file_id!, title: 'Semana 49' }], channel_id: ALARMS, initial_comment: 'Reporte semanal' });
    const [message] = workspace.stateFor(BETO, '2026-12-07', false).messages[ALARMS]!;
    expect(message).toMatchObject({ text: 'Reporte semanal', files: [{ id: url.file_id, title: 'Semana 49', name: 'semana.png', mimetype: 'image/png', url: `/local/files/${url.file_id}` }] });
    const served = await fetch(`${origin}${message!.files![0]!.url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('filesUploadV2 (a multipart upload) works the same', async () => {
    await client.filesUploadV2({ channel_id: ALARMS, file: png, filename: 'grafica.png', title: 'Gráfica', initial_comment: 'Gráfica' });
    const [message] = workspace.messagesIn(ALARMS);
    expect(message?.files?.[0]).toMatchObject({ name: 'grafica.png', title: 'Gráfica' });
    expect(workspace.fileBytes(message!.files![0]!.id)?.bytes).toEqual(png);
  });

  it('a file whose bytes never came, or an unknown channel, is refused', async () => {
    const url = await client.files.getUploadURLExternal({ filename: 'a.png', length: 3 });
    await expect(client.files.completeUploadExternal({ files: [{ id: url.file_id! }], channel_id: ALARMS })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    expect(workspace.receiveUpload(url.file_id!, Buffer.from('abc'))).toBe(true);
    expect(workspace.receiveUpload('F0NOPE', Buffer.from('abc'))).toBe(false);
    await expect(client.files.completeUploadExternal({ files: [{ id: url.file_id! }], channel_id: 'C0NOWHERE' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(workspace.messagesIn(ALARMS)).toEqual([]);
  });
});

describe('response_url posts and mails', () => {
  it.each<[string, Record<string, unknown>, Array<[string, string | undefined]>]>([
    ['in_channel posts a message', { response_type: 'in_channel', text: 'nuevo' }, [['original', undefined], ['nuevo', undefined]]],
    ['anything else is ephemeral to the member', { text: 'solo tú' }, [['original', undefined], ['solo tú', ANA]]],
    ['replace_original replaces the message acted on', { replace_original: true, text: 'reemplazo' }, [['reemplazo', undefined]]],
    ['delete_original deletes it', { delete_original: true }, []],
  ])('%s', (_name, body, expected) => {
    const original = workspace.post(ALARMS, { text: 'original' });
    expect(workspace.respond(ALARMS, ANA, body, original.ts)).toEqual({ ok: true });
    expect(workspace.messagesIn(ALARMS).map((m) => [m.text, m.ephemeralTo])).toEqual(expected);
  });

  it('a mail is listed with its attachments, whose bytes come back', () => {
    const pdf = Buffer.from('%PDF-1.4 estado');
    const mail = workspace.addMail({ from: 'cobranza@acme.mx', to: 'pagos@cliente.mx', subject: 'Saldo', text: 'Hola', attachments: [{ filename: 'estado.pdf', contentType: 'application/pdf', content: pdf }] });
    expect(mail.attachments).toEqual([{ filename: 'estado.pdf', contentType: 'application/pdf', url: `/local/mail/${mail.id}/0` }]);
    expect(workspace.stateFor(null, '2026-12-07', true)).toMatchObject({ mails: [mail], busy: true, me: null });
    expect(workspace.mailAttachment(mail.id, 0)?.bytes).toEqual(pdf);
    expect(workspace.mailAttachment(mail.id, 1)).toBeUndefined();
  });
});
