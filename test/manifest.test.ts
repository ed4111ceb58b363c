import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, test } from 'vitest';

// Slack's published schema, copied under test/fixtures so validation works offline.
// The dispatcher $refs the versioned files by these URLs; registering the local copies
// under them keeps the references exactly as Slack wrote them.
const SCHEMA_BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';
const fixtures = new URL('./fixtures/slack/manifest-schema/', import.meta.url);

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

function manifestValidator(): ValidateFunction {
  // The schema is not written for Ajv's strict mode (`_note` annotations, untyped
  // `required`), so strict checks of the schema itself are off; the manifest is still
  // checked against every standard keyword.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // Slack spells the colour pattern `regex` instead of `pattern`; enforce it as meant.
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, value: string) => new RegExp(pattern).test(value),
  });
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      readJson(new URL(`schemas/manifest.schema.${version}.json`, fixtures)) as object,
      `${SCHEMA_BASE}/manifest.schema.${version}.json`,
    );
  }
  return ajv.compile(readJson(new URL('manifest.schema.json', fixtures)) as object);
}

interface Manifest {
  display_information: { name: string; description?: string; background_color?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; usage_hint?: string; should_escape?: boolean }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[]; user_events?: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = readJson(new URL('../manifest.json', import.meta.url)) as Manifest;
const validate = manifestValidator();

// commands: /deudor and /cartera; chat:write: daily lists (posted to the collector's user id, which
// lands in the app's DM without conversations.open), alarms, updates and ephemeral cards.
// Modals and the Home tab need no scope of their own. The history scopes and im:write are
// for the outbox's check after a crash: conversations.history of a public alarm channel
// (channels:history), a private one (groups:history) or a person's DM (im:history, whose id
// conversations.open gives for a user id: im:write), to find a message already posted.
// files:write: the weekly report's chart, uploaded to the team's channel
// (files.getUploadURLExternal, files.completeUploadExternal).
const PRODUCT_SCOPES = ['chat:write', 'commands', 'channels:history', 'groups:history', 'im:history', 'im:write', 'files:write'];

function scopeMismatch(m: Manifest): { missing: string[]; extra: string[] } {
  const asked = m.oauth_config.scopes.bot;
  return {
    missing: PRODUCT_SCOPES.filter((s) => !asked.includes(s)),
    extra: asked.filter((s) => !PRODUCT_SCOPES.includes(s)),
  };
}

function copy(): Manifest {
  return structuredClone(manifest);
}

describe('manifest.json', () => {
  test('validates against Slack manifest schema', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  const broken: [string, (m: Manifest) => void][] = [
    ['no app name', (m) => Reflect.deleteProperty(m.display_information, 'name')],
    ['no bot display name', (m) => Reflect.deleteProperty(m.features.bot_user, 'display_name')],
    ['a command without its slash', (m) => (m.features.slash_commands[0]!.command = 'deudor')],
    ['a colour that is not hex', (m) => (m.display_information.background_color = 'green')],
    ['a misspelt setting', (m) => Object.assign(m.settings, { socket_mode: true })],
    ['interactivity without is_enabled', (m) => Reflect.deleteProperty(m.settings.interactivity, 'is_enabled')],
  ];
  test.each(broken)('rejects a copy with %s', (_name, breakIt) => {
    const m = copy();
    breakIt(m);
    expect(validate(m)).toBe(false);
  });

  test('names Cobranza, in Spanish', () => {
    expect(manifest.display_information.name).toBe('Cobranza');
    expect(manifest.features.bot_user.display_name).toBe('Cobranza');
    expect(manifest.display_information.description).toMatch(/deudores/);
  });

  // The schema accepts any scope string, so the exact set is checked here: every scope the
  // product uses, and no more (a workspace admin approves each one).
  test('asks for exactly the bot scopes the product uses, and no user scopes', () => {
    expect(scopeMismatch(manifest)).toEqual({ missing: [], extra: [] });
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  test('the scope check notices an extra or a missing scope', () => {
    const m = copy();
    m.oauth_config.scopes.bot = m.oauth_config.scopes.bot.filter((s) => s !== 'commands').concat('users:read');
    expect(scopeMismatch(m)).toEqual({ missing: ['commands'], extra: ['users:read'] });
  });

  test('registers /deudor, /cartera, interactivity and the App Home event at one request URL', () => {
    const url = 'https://cobranza.example.com/slack/events';
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/deudor', '/cartera']);
    expect(manifest.features.slash_commands[0]).toMatchObject({
      command: '/deudor',
      url,
      usage_hint: '<nombre, código o RFC>',
      should_escape: false,
    });
    // Escaped, so a mention arrives as <@U…|name> and names the collector by id.
    expect(manifest.features.slash_commands[1]).toMatchObject({ command: '/cartera', url, usage_hint: '[gestor]', should_escape: true });
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.event_subscriptions.user_events ?? []).toEqual([]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
