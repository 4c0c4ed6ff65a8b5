/**
 * Small helpers for data sized or keyed by partner input. Two faults they keep out:
 * `target.push(...items)` passes every item as an argument and overflows the stack at about
 * 125k items, and `TABLE[key]` with a key such as "constructor" or "toString" reads
 * Object.prototype instead of missing.
 */

/** Appends `items` to `target` one by one (no spread), for arrays of any length. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `table[key]` when `key` is the table's own entry, else undefined (never a prototype member). */
export function ownEntry<V>(
  table: Readonly<Partial<Record<string, V>>> | undefined,
  key: string | undefined,
): V | undefined {
  if (table === undefined || key === undefined || !Object.hasOwn(table, key)) return undefined;
  return table[key];
}
