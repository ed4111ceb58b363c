import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrency, minorDigits, parseAmount, splitEvenly, toDecimalText } from '../../src/domain/money.js';

describe('minorDigits', () => {
  it.each([
    ['MXN', 2],
    ['USD', 2],
    ['EUR', 2],
    ['CLP', 0],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it.each(['XYZ', 'mxn', '', 'PESO'])('refuses the unknown currency %j', (currency) => {
    expect(isCurrency(currency)).toBe(false);
    expect(() => minorDigits(currency)).toThrow(RangeError);
    expect(() => parseAmount('1', currency)).toThrow(/unknown currency/);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1234.5', 'MXN', 123450],
    ['1234.50', 'MXN', 123450],
    ['1234', 'MXN', 123400],
    ['0.01', 'USD', 1],
    ['0.1', 'EUR', 10],
    ['007.5', 'MXN', 750],
    [' 12.5 ', 'EUR', 1250],
    ['1234', 'CLP', 1234],
    ['1234.000', 'CLP', 1234],
    ['150000', 'JPY', 150000],
    ['1.230', 'MXN', 123],
    ['12.345', 'KWD', 12345],
    ['-12.30', 'USD', -1230],
    ['-5', 'CLP', -5],
    ['-0', 'MXN', 0],
    ['0', 'MXN', 0],
    ['90071992547409.91', 'MXN', 9007199254740991],
  ])('%j %s -> %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1,234.00', 'MXN'],
    ['1.234,00', 'EUR'],
    ['1,5', 'EUR'],
    ['1 234', 'MXN'],
    ['1e3', 'USD'],
    ['+5', 'MXN'],
    ['.5', 'MXN'],
    ['5.', 'MXN'],
    ['', 'MXN'],
    ['abc', 'MXN'],
    ['$100', 'MXN'],
    ['--5', 'MXN'],
    ['-', 'MXN'],
    ['1..5', 'MXN'],
    ['1.x', 'MXN'],
    ['1.5x', 'MXN'],
    ['1.235', 'MXN'],
    ['0.001', 'USD'],
    ['1234.5', 'CLP'],
    ['1.5', 'JPY'],
    ['90071992547409.92', 'MXN'],
    ['99999999999999999999', 'CLP'],
  ])('refuses %j in %s', (text, currency) => {
    const result = parseAmount(text, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(text);
  });

  it.each([
    ['0.1', '0.2', '0.3', 'MXN'],
    ['0.7', '0.1', '0.8', 'USD'],
    ['1000000.10', '0.20', '1000000.30', 'EUR'],
  ])('%s + %s is exactly %s', (a, b, sum, currency) => {
    const minor = (text: string) => {
      const parsed = parseAmount(text, currency);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.minor;
    };
    expect(minor(a) + minor(b)).toBe(minor(sum));
    expect(toDecimalText(minor(a) + minor(b), currency)).toBe(toDecimalText(minor(sum), currency));
  });
});

describe('toDecimalText', () => {
  it.each([
    [123450, 'MXN', '1234.50'],
    [5, 'MXN', '0.05'],
    [-5, 'MXN', '-0.05'],
    [-123456, 'USD', '-1234.56'],
    [0, 'USD', '0.00'],
    [1234, 'CLP', '1234'],
    [-7, 'JPY', '-7'],
    [1, 'KWD', '0.001'],
    [9007199254740991, 'MXN', '90071992547409.91'],
  ])('%i %s -> %s, and back', (minor, currency, text) => {
    expect(toDecimalText(minor, currency)).toBe(text);
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });
});

describe('formatMoney', () => {
  it.each([
    [123450, 'MXN', 'es', '$1,234.50 MXN'],
    [123450, 'MXN', 'en', '$1,234.50 MXN'],
    [123450, 'USD', 'es', '$1,234.50 USD'],
    [123450, 'USD', 'en', '$1,234.50 USD'],
    [123456789, 'EUR', 'en', '€1,234,567.89 EUR'],
    [1234567, 'CLP', 'es', '$1,234,567 CLP'],
    [1234567, 'JPY', 'en', '¥1,234,567 JPY'],
    [0, 'MXN', 'es', '$0.00 MXN'],
    [-5, 'MXN', 'es', '-$0.05 MXN'],
    [1234500, 'KWD', 'en', 'KWD 1,234.500'],
    // Beyond float precision for a decimal amount: the digits must stay exact.
    [9007199254740991, 'MXN', 'es', '$90,071,992,547,409.91 MXN'],
  ] as const)('%i %s in %s -> %s', (minor, currency, locale, text) => {
    expect(formatMoney(minor, currency, locale).replace(/\s/g, ' ')).toBe(text);
  });
});

describe('splitEvenly', () => {
  it.each([
    [1000, 3, [333, 333, 334]],
    [100, 4, [25, 25, 25, 25]],
    [5, 3, [1, 1, 3]],
    [2, 3, [0, 0, 2]],
    [7, 1, [7]],
    [0, 2, [0, 0]],
    [100001, 2, [50000, 50001]],
  ])('%i in %i parts -> %j, remainder on the last', (total, parts, expected) => {
    const split = splitEvenly(total, parts);
    expect(split).toEqual(expected);
    expect(split.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d parts', (parts) => {
    expect(() => splitEvenly(100, parts)).toThrow(RangeError);
  });
});
