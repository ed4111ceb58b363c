import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/config/errors.js';
import { loadPolicy, parsePolicy } from '../../src/config/policy-file.js';
import { defaultPolicy } from '../../src/domain/policy.js';

function policyError(json: unknown): string {
  try {
    parsePolicy(JSON.stringify(json), 'policy.json');
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error(`policy accepted: ${JSON.stringify(json)}`);
}

describe('parsePolicy', () => {
  test('an empty object is the documented defaults', () => {
    const expected = {
      timeZone: 'America/Mexico_City',
      locale: 'es',
      currency: 'MXN',
      taxIdLabel: 'RFC',
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      dailyListTime: '08:30',
      alarmsTime: '07:30',
      promiseGraceDays: 2,
      noContactWorkingDays: 5,
      maxDaysAhead: 180,
      escalation: { daysOverdue: [30, 60, 90, 120], brokenPromises: 2 },
      csv: { decimalSeparator: '.', dateFormat: 'YYYY-MM-DD' },
      weeklyReportDay: 1,
      weeklyReportTime: '09:00',
      notices: {
        enabled: false,
        steps: [-3, 1, 7, 15, 30],
        sendTime: '10:00',
        minDaysBetween: 5,
        minAmount: 0,
        attachStatement: true,
        paymentInstructions: '',
        companyName: '',
      },
      teams: [{ name: 'default' }],
    };
    expect(parsePolicy('{}')).toEqual(expected);
    expect(defaultPolicy).toEqual(expected);
  });

  test('keys given replace their defaults, the rest keep theirs', () => {
    const policy = parsePolicy(
      JSON.stringify({
        timeZone: 'America/Monterrey',
        locale: 'en',
        currency: 'USD',
        taxIdLabel: 'CUIT',
        workingDays: [1, 2, 3, 4, 5, 6],
        holidays: ['2025-12-25', '2024-02-29'],
        dailyListTime: '09:00',
        alarmsTime: '23:59',
        promiseGraceDays: 0,
        noContactWorkingDays: 10,
        maxDaysAhead: 365,
        escalation: { brokenPromises: 3 },
        csv: { decimalSeparator: ',' },
        teams: [{ name: 'norte', alarmChannel: 'C0123ABC' }, { name: 'sur' }],
      }),
    );
    expect(policy).toMatchObject({
      timeZone: 'America/Monterrey',
      locale: 'en',
      currency: 'USD',
      taxIdLabel: 'CUIT',
      workingDays: [1, 2, 3, 4, 5, 6],
      holidays: ['2025-12-25', '2024-02-29'],
      dailyListTime: '09:00',
      alarmsTime: '23:59',
      promiseGraceDays: 0,
      noContactWorkingDays: 10,
      maxDaysAhead: 365,
      escalation: { daysOverdue: [30, 60, 90, 120], brokenPromises: 3 },
      csv: { decimalSeparator: ',', dateFormat: 'YYYY-MM-DD' },
      teams: [{ name: 'norte', alarmChannel: 'C0123ABC' }, { name: 'sur' }],
    });
  });

  test('a time zone spelt in any case is kept in its canonical spelling', () => {
    expect(parsePolicy('{"timeZone":"america/mexico_city"}').timeZone).toBe('America/Mexico_City');
  });

  test.each<[string, unknown]>([
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['timeZone', { timeZone: '' }],
    ['locale', { locale: 'fr' }],
    ['currency', { currency: 'mxn' }],
    ['currency', { currency: 'PESOS' }],
    ['workingDays', { workingDays: [] }],
    ['workingDays', { workingDays: [1, 1] }],
    ['workingDays[0]', { workingDays: [0] }],
    ['workingDays[1]', { workingDays: [1, 8] }],
    ['workingDays', { workingDays: 'weekdays' }],
    ['holidays[0]', { holidays: ['25/12/2025'] }],
    ['holidays[0]', { holidays: ['2025-02-30'] }],
    ['holidays[1]', { holidays: ['2025-12-25', '2025-13-01'] }],
    ['dailyListTime', { dailyListTime: '8:30' }],
    ['alarmsTime', { alarmsTime: '24:00' }],
    ['promiseGraceDays', { promiseGraceDays: -1 }],
    ['promiseGraceDays', { promiseGraceDays: 1.5 }],
    ['noContactWorkingDays', { noContactWorkingDays: 0 }],
    ['maxDaysAhead', { maxDaysAhead: 0 }],
    ['maxDaysAhead', { maxDaysAhead: 3651 }],
    ['maxDaysAhead', { maxDaysAhead: 30.5 }],
    ['escalation.daysOverdue', { escalation: { daysOverdue: [30, 60, 90] } }],
    ['escalation.daysOverdue', { escalation: { daysOverdue: [30, 60, 90, 120, 150] } }],
    ['escalation.daysOverdue', { escalation: { daysOverdue: [60, 30, 90, 120] } }],
    ['escalation.daysOverdue[0]', { escalation: { daysOverdue: [0, 60, 90, 120] } }],
    ['escalation.brokenPromises', { escalation: { brokenPromises: 0 } }],
    ['escalation', { escalation: 3 }],
    ['csv.decimalSeparator', { csv: { decimalSeparator: ' ' } }],
    ['csv.dateFormat', { csv: { dateFormat: 'DD-MM-YYYY' } }],
    ['teams', { teams: [] }],
    ['teams', { teams: [{ name: 'norte' }, { name: 'norte' }] }],
    ['teams[0].name', { teams: [{ name: '' }] }],
    ['teams[0].name', { teams: [{ alarmChannel: 'C1' }] }],
    ['taxIdLabel', { taxIdLabel: ' ' }],
    ['teams[1].alarmChannel', { teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }, { name: 'sur', alarmChannel: '' }] }],
  ])('a bad %s is refused, naming the key', (key, json) => {
    const message = policyError(json);
    expect(message.startsWith(`POLICY_FILE policy.json: ${key}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  // The channel's name is what people type; the bot needs its id.
  test.each(['#cobranza', 'cobranza-norte', '<#C0123ABC|cobranza>', 'c0123abc', 'https://example.slack.com/archives/C0123ABC'])(
    'the alarm channel %s is refused with the way to its id',
    (alarmChannel) => {
      expect(policyError({ teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }, { name: 'sur', alarmChannel }] })).toBe(
        `POLICY_FILE policy.json: teams[1].alarmChannel: ${JSON.stringify(alarmChannel)} is not a Slack channel id (C… or G…): ` +
          'use the channel id, not its name (channel details → About → Copy channel ID)',
      );
    },
  );

  test.each(['C0123ABC', 'G0PRIVATE1', 'C0SUR'])('the channel id %s is accepted', (alarmChannel) => {
    expect(parsePolicy(JSON.stringify({ teams: [{ name: 'norte', alarmChannel }] })).teams[0]!.alarmChannel).toBe(alarmChannel);
  });

  test.each<[string, unknown]>([
    ['foo', { foo: 1 }],
    ['escalation.bar', { escalation: { bar: 1 } }],
    ['csv.delimiter', { csv: { delimiter: ';' } }],
    ['teams[0].channel', { teams: [{ name: 'norte', channel: 'C1' }] }],
    ['timezone', { timezone: 'America/Mexico_City' }],
  ])('the unknown key %s is refused by name', (key, json) => {
    expect(policyError(json)).toBe(`POLICY_FILE policy.json: ${key}: unknown key`);
  });

  test.each([['[]'], ['null'], ['"es"']])('a file that is not an object (%s) is refused', (text) => {
    expect(() => parsePolicy(text, 'policy.json')).toThrow(/^POLICY_FILE policy\.json: \(root\): /);
  });

  test('invalid JSON names the file', () => {
    expect(() => parsePolicy('{ "timeZone": ', 'policy.json')).toThrow(
      /^POLICY_FILE: policy\.json is not valid JSON \(/,
    );
  });
});

describe('loadPolicy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cobranza-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('without a file, the defaults', async () => {
    expect(await loadPolicy(undefined)).toBe(defaultPolicy);
  });

  test('reads the file', async () => {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ locale: 'en', holidays: ['2025-01-01'] }));
    expect(await loadPolicy(file)).toMatchObject({ locale: 'en', holidays: ['2025-01-01'], currency: 'MXN' });
  });

  test('a bad value names the file and the key', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ workingDays: [9] }));
    await expect(loadPolicy(file)).rejects.toThrow(`POLICY_FILE ${file}: workingDays[0]: `);
  });

  test('a missing file is refused, naming POLICY_FILE and the path', async () => {
    const file = join(dir, 'missing.json');
    await expect(loadPolicy(file)).rejects.toThrow(new UserError(`POLICY_FILE: cannot read ${file} (ENOENT)`));
  });

  test('a directory is refused', async () => {
    await expect(loadPolicy(dir)).rejects.toThrow(`POLICY_FILE: cannot read ${dir} (EISDIR)`);
  });
});
