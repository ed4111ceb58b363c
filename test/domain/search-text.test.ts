import { describe, expect, it } from 'vitest';
import { normaliseSearchText, taxIdKey } from '../../src/domain/search-text.js';

describe('normaliseSearchText', () => {
  it.each([
    ['Construcciones Pérez, S.A. de C.V.', 'construcciones perez sa de cv'],
    ['construcciones perez sa de cv', 'construcciones perez sa de cv'],
    ['MUÑOZ Y ASOCIADOS', 'munoz y asociados'],
    ['  Ferretería   del   Norte  ', 'ferreteria del norte'],
    ["O'Higgins Ltda.", 'ohiggins ltda'],
    ['Comercial Ñandú-Sur / Sucursal #3', 'comercial nandu sur sucursal 3'],
    ['Cía. Minera', 'cia minera'],
    ['ÁÉÍÓÚÜ', 'aeiouu'],
    ['', ''],
    ['---', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseSearchText(text)).toBe(expected);
  });

  it.each([
    ['Construcciones Pérez, S.A. de C.V.', 'CONSTRUCCIONES PEREZ SA DE CV'],
    ['Distribuidora López', 'distribuidora lopez'],
    ['Peña y Cía.', 'pena y cia'],
  ])('%j and %j are the same text', (a, b) => {
    expect(normaliseSearchText(a)).toBe(normaliseSearchText(b));
  });
});

describe('taxIdKey', () => {
  it.each([
    ['PEGJ-800101-AB1', 'PEGJ800101AB1'],
    ['pegj800101ab1', 'PEGJ800101AB1'],
    ['76.123.456-k', '76123456K'],
    ['B-1234 5678', 'B12345678'],
    ['ÑAÑ 010101 XX1', 'NAN010101XX1'],
    ['', ''],
  ])('%j -> %j', (taxId, expected) => {
    expect(taxIdKey(taxId)).toBe(expected);
  });
});
