// How names and tax ids are compared: "Construcciones Pérez, S.A. de C.V." and
// "construcciones perez sa de cv" are the same text to a collector typing fast.

/**
 * Lower case, accents stripped, punctuation to spaces, spaces collapsed. Periods and
 * apostrophes join instead of splitting, so "S.A. de C.V." reads as "sa de cv" and
 * "O'Higgins" as "ohiggins", the way people type them.
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’]+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Tax ids (RFC, RUT, NIF…) compared upper case with separators removed. */
export function taxIdKey(taxId: string): string {
  return taxId
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
