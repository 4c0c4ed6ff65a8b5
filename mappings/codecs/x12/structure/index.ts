import { TS_846, TS_856, TS_997 } from './inventory-shipping.structures';
import { TS_210, TS_214, TS_310, TS_315 } from './ocean.structures';
import { TS_940, TS_943, TS_944, TS_945 } from './warehouse.structures';
import type { X12SetStructure } from './x12-structure';

export * from './x12-structure';
export { ELEMENT_RULES } from './x12-element.rules';
export { TS_940, TS_943, TS_944, TS_945, TS_846, TS_856, TS_997, TS_310, TS_315, TS_214, TS_210 };

const BY_ID = new Map<string, X12SetStructure>(
  [TS_940, TS_943, TS_944, TS_945, TS_846, TS_856, TS_997, TS_310, TS_315, TS_214, TS_210].map(
    (s) => [s.id, s],
  ),
);

/**
 * The structure for a transaction set id. The 004010 tables also serve 004010-and-later
 * releases (see each table's notes for what 005010 changes); null when the set is unknown.
 */
export function structureFor(setId: string): X12SetStructure | null {
  return BY_ID.get(setId) ?? null;
}
