import { z } from 'zod';
import { isIsoDate } from './calendar.js';

// A real calendar day: the regex alone lets "2025-02-30" through, a holiday that never comes.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isIsoDate, 'not a calendar date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Intl accepts "america/mexico_city" too; keep the spelling every other tool expects.
function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

function isCurrency(code: string): boolean {
  return Intl.supportedValuesOf('currency').includes(code);
}

/** A channel id as Slack writes it (C… public, G… private); a `#name` cannot be posted to reliably. */
function isChannelId(value: string): boolean {
  return /^[CG][A-Z0-9]+$/.test(value);
}

const team = z
  .object({
    name: z.string().min(1),
    alarmChannel: z
      .string()
      .refine(isChannelId, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not a Slack channel id (C… or G…): use the channel id, not its name (channel details → About → Copy channel ID)`,
      })
      .optional(),
  })
  .strict();

/** The policy file: every key optional, unknown keys refused. */
export const policySchema = z
  .object({
    timeZone: z
      .string()
      .refine(isTimeZone, 'not an IANA time zone')
      .transform(canonicalTimeZone)
      .default('America/Mexico_City'),
    locale: z.enum(['es', 'en']).default('es'),
    currency: z.string().refine(isCurrency, 'not an ISO 4217 currency code').default('MXN'),
    // What the tax id is called where the company works (RFC in Mexico, CUIT in Argentina…).
    taxIdLabel: z.string().trim().min(1).max(20).default('RFC'),
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .refine((days) => new Set(days).size === days.length, 'repeated weekday')
      .default([1, 2, 3, 4, 5]),
    holidays: z.array(isoDate).default([]),
    dailyListTime: hhmm.default('08:30'),
    alarmsTime: hhmm.default('07:30'),
    promiseGraceDays: z.number().int().min(0).max(30).default(2),
    noContactWorkingDays: z.number().int().min(1).max(120).default(5),
    // How far ahead a date typed in the outcome modal may be: a typo such as 9999-12-31
    // would otherwise park a debtor off every list for years.
    maxDaysAhead: z.number().int().min(1).max(3650).default(180),
    escalation: z
      .object({
        daysOverdue: z
          .tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)])
          .refine(([a, b, c, d]) => a < b && b < c && c < d, 'thresholds must rise')
          .default([30, 60, 90, 120]),
        brokenPromises: z.number().int().min(1).default(2),
      })
      .strict()
      .default({ daysOverdue: [30, 60, 90, 120], brokenPromises: 2 }),
    // How the ERP writes numbers and dates in its CSV exports; ISO dates are always read.
    csv: z
      .object({
        decimalSeparator: z.enum(['.', ',']).default('.'),
        dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY']).default('YYYY-MM-DD'),
      })
      .strict()
      .default({ decimalSeparator: '.', dateFormat: 'YYYY-MM-DD' }),
    // The weekly report for leads: ISO weekday (1 = Monday) and time it goes out.
    weeklyReportDay: z.number().int().min(1).max(7).default(1),
    weeklyReportTime: hhmm.default('09:00'),
    // The automatic notices to debtors (emails with the statement of account).
    notices: z
      .object({
        enabled: z.boolean().default(false),
        steps: z
          .array(z.number().int().min(-60).max(365))
          .min(1)
          .refine((steps) => new Set(steps).size === steps.length, 'repeated step')
          .default([-3, 1, 7, 15, 30]),
        sendTime: hhmm.default('10:00'),
        minDaysBetween: z.number().int().min(0).max(90).default(5),
        minAmount: z.number().min(0).default(0),
        attachStatement: z.boolean().default(true),
        paymentInstructions: z.string().max(2000).default(''),
        companyName: z.string().max(200).default(''),
      })
      .strict()
      .prefault({}),
    teams: z
      .array(team)
      .min(1)
      .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, 'repeated team name')
      .default([{ name: 'default' }]),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
/** The language messages are written in; the Slack catalogs are keyed by it. */
export type Locale = Policy['locale'];

export const defaultPolicy: Policy = policySchema.parse({});
