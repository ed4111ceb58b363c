import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseEnv, requireSlackEnv } from '../../src/config/env.js';
import { UserError } from '../../src/config/errors.js';

function parseError(source: Record<string, string>): UserError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe('parseEnv', () => {
  test('defaults: HTTP on 3000, embedded database in ./data, info logs', () => {
    expect(parseEnv({})).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
  });

  test('an empty value counts as unset, as a blank line in .env leaves it', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '', DATA_DIR: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: '' });
    expect(env).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
  });

  test('reads every variable', () => {
    const env = parseEnv({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_APP_TOKEN: 'xapp-1-A1-abc',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: '8080',
      DATABASE_URL: 'postgresql://cobranza@db:5432/cobranza',
      DATA_DIR: '/data',
      POLICY_FILE: 'policy.json',
      LOG_LEVEL: 'debug',
      HOME: '/root',
    });
    expect(env).toEqual({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_APP_TOKEN: 'xapp-1-A1-abc',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: 8080,
      DATABASE_URL: 'postgresql://cobranza@db:5432/cobranza',
      DATA_DIR: '/data',
      POLICY_FILE: 'policy.json',
      LOG_LEVEL: 'debug',
    });
  });

  test.each([
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['PORT', '0x50'],
    ['PORT', '1e3'],
    ['DATABASE_URL', 'mysql://localhost/cobranza'],
    ['DATABASE_URL', 'localhost:5432'],
    ['DATABASE_URL', 'postgres://cobranza:s3cret@db:port/cobranza'],
    ['DATABASE_URL', 'postgresql://cobranza@/cobranza?host=/var/run/postgresql'],
    ['SLACK_BOT_TOKEN', 'xoxp-user-token'],
    ['SLACK_APP_TOKEN', 'xoxb-1-2-abc'],
    ['SLACK_API_URL', 'slack.com/api'],
    ['SLACK_API_URL', 'localhost:4000/api'],
    ['SLACK_API_URL', 'ftp://slack.com/api'],
    ['LOG_LEVEL', 'verbose'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    const error = parseError({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^${name}: `));
    expect(error.message).not.toContain('\n');
  });

  test('a malformed DATABASE_URL is refused without repeating it: it may hold a password', () => {
    expect(parseError({ DATABASE_URL: 'postgres://cobranza:s3cret@db:port/cobranza' }).message).not.toContain('s3cret');
  });

  test.each(['postgres://db', 'postgres://app:p%40ss,word@db-1:5432,db-2:5433/cobranza?sslmode=require'])(
    'DATABASE_URL=%s is accepted as postgres.js reads it (several hosts, commas in a password)',
    (url) => {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    },
  );

  test('several bad values are named together on one line', () => {
    const { message } = parseError({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(message).toContain('PORT: ');
    expect(message).toContain('DATABASE_URL: ');
    expect(message).not.toContain('\n');
  });
});

describe('requireSlackEnv', () => {
  test('start needs the bot token', () => {
    expect(() => requireSlackEnv(parseEnv({ SLACK_SIGNING_SECRET: 's' }))).toThrow(/^SLACK_BOT_TOKEN: /);
  });

  test('HTTP mode needs the signing secret', () => {
    expect(() => requireSlackEnv(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(/^SLACK_SIGNING_SECRET: /);
  });

  test('Socket Mode does without the signing secret', () => {
    const slack = requireSlackEnv(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }));
    expect(slack).toEqual({ botToken: 'xoxb-1', signingSecret: '' });
  });

  test('HTTP mode returns both', () => {
    const slack = requireSlackEnv(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }));
    expect(slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's' });
  });
});

describe('.env.sample', () => {
  const text = readFileSync(new URL('../../.env.sample', import.meta.url), 'utf8');
  const entries = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)] as const;
    });

  test('lists every variable of the configuration, each after a comment', () => {
    expect(entries.map(([name]) => name).sort()).toEqual(
      [
        'DATABASE_URL',
        'DATA_DIR',
        'IMPORT_DIR',
        'LOG_LEVEL',
        'POLICY_FILE',
        'PORT',
        'SLACK_API_URL',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
      ].sort(),
    );
    const lines = text.split('\n');
    for (const [name] of entries) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^# /);
    }
  });

  test('holds no secrets and parses as it is', () => {
    const values = Object.fromEntries(entries);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DATABASE_URL']) {
      expect(values[name], name).toBe('');
    }
    expect(parseEnv(values)).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
  });
});
