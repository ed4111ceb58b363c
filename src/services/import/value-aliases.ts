/**
 * The Spanish words ERP exports use for the values of the vocabulary. Only words whose value
 * the vocabulary list holds are accepted, so a value added to (or dropped from) a list is
 * followed here without another edit.
 */
const SPANISH: Readonly<Record<string, string>> = {
  bajo: 'low',
  medio: 'medium',
  alto: 'high',
  fraude: 'fraud',
  activo: 'active',
  suspendido: 'hold',
  revocado: 'revoked',
  gestor: 'collector',
  cobrador: 'collector',
  jefe: 'lead',
  lider: 'lead',
  líder: 'lead',
  gerente: 'manager',
  administrador: 'admin',
};

const tables = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

/** Lower-cased spellings (the values themselves and their Spanish words) to the value of `values`. */
export function valueAliases<T extends string>(values: readonly T[]): ReadonlyMap<string, T> {
  let table = tables.get(values);
  if (!table) {
    const entries: [string, string][] = values.map((v) => [v.toLowerCase(), v]);
    for (const [word, value] of Object.entries(SPANISH)) if ((values as readonly string[]).includes(value)) entries.push([word, value]);
    table = new Map(entries);
    tables.set(values, table);
  }
  return table as ReadonlyMap<string, T>;
}
