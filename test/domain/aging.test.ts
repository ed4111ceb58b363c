import { describe, expect, it } from 'vitest';
import { agingBucket, agingTotals, daysOverdue, oldestOverdueDays, type AgingBucket, type OpenItem } from '../../src/domain/aging.js';

const today = '2026-06-15';

describe('daysOverdue', () => {
  it.each([
    ['2026-06-20', 0],
    ['2026-06-15', 0],
    ['2026-06-14', 1],
    ['2026-05-16', 30],
    ['2026-03-17', 90],
    ['2025-06-15', 365],
  ])('due %s, today %s -> %i', (due, days) => {
    expect(daysOverdue(due, today)).toBe(days);
  });
});

describe('agingBucket', () => {
  it.each<[number, AgingBucket]>([
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [1000, '90+'],
  ])('%i days -> %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});

const item = (dueDate: string, openAmount: number, currency = 'MXN'): OpenItem => ({ dueDate, openAmount, currency });

describe('oldestOverdueDays', () => {
  it.each<[string, OpenItem[], number]>([
    ['no items', [], 0],
    ['nothing due yet', [item('2026-06-30', 1000), item('2026-06-15', 500)], 0],
    ['the oldest open one', [item('2026-06-10', 1000), item('2026-05-01', 500), item('2026-06-30', 10)], 45],
    ['paid invoices do not count', [item('2026-01-01', 0), item('2026-06-05', 100)], 10],
    ['credit notes do not count', [item('2026-01-01', -5000), item('2026-06-14', 100)], 1],
  ])('%s', (_name, items, days) => {
    expect(oldestOverdueDays(items, today)).toBe(days);
  });
});

describe('agingTotals', () => {
  const zero = { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
  it.each<[string, OpenItem[], Record<string, Partial<Record<AgingBucket, number>>>]>([
    ['nothing open', [item('2026-05-01', 0)], {}],
    [
      'one currency, every bucket',
      [
        item('2026-06-30', 100),
        item('2026-06-15', 50),
        item('2026-06-01', 200),
        item('2026-05-10', 300),
        item('2026-04-10', 400),
        item('2025-12-31', 500),
        item('2025-11-30', 5),
      ],
      { MXN: { current: 150, '1-30': 200, '31-60': 300, '61-90': 400, '90+': 505 } },
    ],
    [
      'currencies kept apart, credits left out',
      [item('2026-06-01', 1000, 'MXN'), item('2026-06-01', 70, 'USD'), item('2026-06-01', -500, 'MXN'), item('2026-01-01', 30, 'USD')],
      { MXN: { '1-30': 1000 }, USD: { '1-30': 70, '90+': 30 } },
    ],
  ])('%s', (_name, items, expected) => {
    const totals = agingTotals(items, today);
    expect(Object.fromEntries(totals)).toEqual(
      Object.fromEntries(Object.entries(expected).map(([currency, buckets]) => [currency, { ...zero, ...buckets }])),
    );
  });
});
