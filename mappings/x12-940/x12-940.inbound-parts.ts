import { isValidGs1 } from '../../core/model/values/gs1';
import { isCountryCode } from '../../core/model/values/country.codes';
import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import {
  element,
  loopsAt,
  segmentAt,
  segmentsAt,
  type X12Node,
  type X12Segment,
} from '../codecs/x12';
import { mappingError, optional, requiredCount } from '../x12-warehouse/x12-read.helpers';
import { unitIn } from '../x12-warehouse/x12-units.helpers';
import type { X12ReceivedOrderSettings } from './x12-940.inbound-settings';

type Line = FulfillmentOrder['lines'][number];
type ShipTo = NonNullable<FulfillmentOrder['shipTo']>;

// Product id qualifiers (element 235) whose id is a GTIN: UP U.P.C. (GTIN-12), EN EAN
// (GTIN-13), UK GTIN-14, UA U.P.C./EAN case code.
const GTIN_QUALIFIERS = ['UP', 'EN', 'UK', 'UA'];

/** The (qualifier, id) pairs of a W01 from W0104/W0105 on: 04/05, 06/07, 16/17. */
function productIds(w01: X12Segment): Array<[string, string]> {
  return [4, 6, 16]
    .map((at): [string, string] => [element(w01, at), element(w01, at + 1).trim()])
    .filter(([q, id]) => q !== '' && id !== '');
}

function lineOf(w01: X12Segment, nodes: X12Node[], s: X12ReceivedOrderSettings, warn: string[]) {
  const ids = productIds(w01);
  const sku =
    s.skuQualifiers.map((q) => ids.find(([iq]) => iq === q)?.[1]).find(Boolean) ?? optional(w01, 3);
  if (!sku) throw mappingError(w01, 'W01 carries no SKU (W0103 or a product id qualifier)');
  const gtin = ids.find(([q, id]) => GTIN_QUALIFIERS.includes(q) && /^\d{12,14}$/.test(id));
  if (gtin && !isValidGs1(gtin[1]))
    warn.push(`W01 at segment ${w01.ordinal}: ${gtin[0]} ${gtin[1]} fails the GS1 check, left out`);
  const g69 = segmentAt(nodes, 'G69');
  const line: Line = dropEmpty({
    sku,
    quantity: requiredCount(w01, 1, 'quantity ordered'),
    unit: unitIn(element(w01, 2) || 'EA', w01, s),
    gtin: gtin && isValidGs1(gtin[1]) ? gtin[1] : undefined,
    description: g69 ? optional(g69, 1) : undefined,
  });
  if (line.quantity === 0) throw mappingError(w01, 'W0101 orders a quantity of 0');
  return line;
}

/** LX loops, each with one or more W01 loops: one canonical line per W01. */
export function orderLines(body: X12Node[], s: X12ReceivedOrderSettings, warn: string[]): Line[] {
  const lines: Line[] = [];
  for (const lx of loopsAt(body, 'LX')) {
    for (const w01Loop of loopsAt(lx.nodes, 'W01')) {
      lines.push(lineOf(w01Loop.nodes[0] as X12Segment, w01Loop.nodes, s, warn));
    }
  }
  return lines;
}

/** W76 total quantity against the lines: a mismatch is the sender's to fix, kept as a warning. */
export function totalWarning(body: X12Node[], lines: Line[]): string[] {
  const w76 = segmentAt(body, 'W76');
  const total = w76 && optional(w76, 1);
  const sum = lines.reduce((n, l) => n + l.quantity, 0);
  return total !== undefined && Number(total) !== sum
    ? [`W7601 totals ${total}, the W01 lines add up to ${sum}`]
    : [];
}

/** PER IC contact: PER02 name and the TE/EM numbers of PER03/04 and PER05/06. */
function contactOf(nodes: X12Node[]): ShipTo['contact'] {
  const per = segmentsAt(nodes, 'PER')[0];
  if (!per) return undefined;
  const comm = (q: string) => [3, 5].map((at) => element(per, at) === q && optional(per, at + 1));
  const phone = comm('TE').find(Boolean) || undefined;
  const email = comm('EM').find(Boolean) || undefined;
  const contact = { name: optional(per, 2), phone, email };
  return Object.values(contact).some(Boolean) ? contact : undefined;
}

/** The N1 ST loop: N102 name, N3 street lines, N4 city/state/postal code/country. */
export function shipToOf(body: X12Node[], s: X12ReceivedOrderSettings): ShipTo | undefined {
  const loop = loopsAt(body, 'N1').find((l) => element(l.nodes[0] as X12Segment, 1) === 'ST');
  if (!loop) return undefined;
  const n1 = loop.nodes[0] as X12Segment;
  const name = optional(n1, 2);
  if (!name) throw mappingError(n1, 'N102 (ship-to name) is required');
  const lines = segmentsAt(loop.nodes, 'N3').flatMap((n3) =>
    [1, 2].map((at) => optional(n3, at)).filter((l): l is string => l !== undefined),
  );
  const n4 = segmentAt(loop.nodes, 'N4');
  const country = (n4 && optional(n4, 4)) ?? s.defaultCountry;
  if (!isCountryCode(country)) throw mappingError(n4 ?? n1, `N404 '${country}' is not a country`);
  const address = {
    lines: lines.length ? lines : undefined,
    city: n4 && optional(n4, 1),
    region: n4 && optional(n4, 2),
    postalCode: n4 && optional(n4, 3),
    country: country,
  };
  const contact = contactOf(loop.nodes);
  return { name, address: dropEmpty(address), ...(contact ? { contact: dropEmpty(contact) } : {}) };
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
