import { describe, expect, it } from 'vitest';
import { jsonField, parseId } from '../../src/slack/parse-ref.js';

describe('parseId', () => {
  it.each<[unknown, number | null]>([
    ['1', 1],
    ['42', 42],
    [42, 42],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['99999999999', null],
    ['0', null],
    ['-1', null],
    ['012', null],
    ['1.5', null],
    [1.5, null],
    ['1e3', null],
    [' 12', null],
    ['12abc', null],
    ['', null],
    ['NaN', null],
    [Number.NaN, null],
    [null, null],
    [undefined, null],
    [{ id: 1 }, null],
  ])('%j -> %j', (value, id) => {
    expect(parseId(value)).toBe(id);
  });
});

describe('jsonField', () => {
  it.each<[string | undefined, unknown]>([
    ['{"debtorId":12}', 12],
    ['{"debtorId":"12"}', '12'],
    ['{"other":1}', undefined],
    ['[12]', undefined],
    ['12', undefined],
    ['null', undefined],
    ['{not json', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j -> %j', (text, value) => {
    expect(jsonField(text, 'debtorId')).toBe(value);
  });
});
