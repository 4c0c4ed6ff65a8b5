import Decimal from 'decimal.js';
import type { ItemMaster } from '../../core/model/documents/warehouse.schema';
import { isCountryCode } from '../../core/model/values/country.codes';
import { isValidGs1 } from '../../core/model/values/gs1';
import { HsCodeSchema } from '../../core/model/values/hs-code';
import { compact } from '../carrier-edifact/shipment-event.builder';
import type { JsonNode } from '../json-support/json-node';
import { decimalOf, optDateTime } from '../json-support/json-values';

type Item = ItemMaster['items'][number];

// Exact factors to kilograms and centimetres; ShipBob weighs in oz by default, sizes in inches.
const TO_KG: Record<string, string> = {
  oz: '0.028349523125',
  lb: '0.45359237',
  g: '0.001',
  kg: '1',
};
const TO_CM: Record<string, string> = { inch: '2.54', in: '2.54', cm: '1' };

/** A measure in the unit the node names; 0 is what ShipBob shows for "not entered". */
function converted(value: number | undefined, unit: string, factors: Record<string, string>) {
  if (!value || !(unit in factors)) return undefined;
  return new Decimal(value).times(factors[unit]).toDecimalPlaces(3).toFixed();
}

function dimensions(variant: JsonNode): Item['dimensionsCm'] {
  const d = variant.optObject('dimension');
  if (!d) return undefined;
  const unit = d.optStr('unit') ?? 'inch';
  const [length, width, height] = ['length', 'width', 'height'].map((k) =>
    converted(d.optNum(k), unit, TO_CM),
  );
  return length && width && height ? { length, width, height } : undefined;
}

/** customs: HS code, origin, description and unit value; bad codes are left out with a warning. */
function customs(variant: JsonNode, warnings: string[]): Partial<Item> {
  const c = variant.optObject('customs');
  if (!c) return {};
  const hs = c.optStr('hs_tariff_code')?.replace(/\./g, '');
  const origin = c.optStr('country_code_of_origin')?.toUpperCase();
  if (hs && !HsCodeSchema.safeParse(hs).success)
    warnings.push(
      `${c.pointerOf('hs_tariff_code')}: "${hs}" is no 6, 8 or 10 digit HS code, left out`,
    );
  if (origin && !isCountryCode(origin))
    warnings.push(`${c.pointerOf('country_code_of_origin')}: "${origin}" is no country, left out`);
  const value = c.optNum('value');
  const currency = c.optStr('currency');
  return {
    hsCode: hs && HsCodeSchema.safeParse(hs).success ? hs : undefined,
    countryOfOrigin: origin && isCountryCode(origin) ? origin : undefined,
    customsDescription: c.optStr('description'),
    unitValue: value && currency ? { amount: decimalOf(value), currency } : undefined,
  };
}

/** gtin, else upc, when it is a GS1 code; the provider's own barcode otherwise. */
function codes(variant: JsonNode): Pick<Item, 'gtin' | 'barcode'> {
  const gtin = [variant.optStr('gtin'), variant.optStr('upc')].find(
    (c) => c !== undefined && /^\d{12,14}$/.test(c) && isValidGs1(c),
  );
  return { gtin, barcode: gtin ? undefined : variant.optStr('barcode') };
}

function itemOf(product: JsonNode, variant: JsonNode, warnings: string[]): Item {
  const weight = variant.optObject('weight');
  const inventory = variant.optObject('inventory');
  return compact({
    sku: variant.str('sku'),
    name: variant.optStr('name') ?? product.str('name'),
    warehouseRef: inventory?.has('inventory_id')
      ? String(inventory.count('inventory_id'))
      : undefined,
    status: variant.optStr('status') === 'Active' ? 'ACTIVE' : 'INACTIVE',
    ...codes(variant),
    ...customs(variant, warnings),
    weightKg: weight && converted(weight.optNum('weight'), weight.optStr('unit') ?? 'oz', TO_KG),
    dimensionsCm: dimensions(variant),
    lotControlled: variant.optObject('lot_information')?.optBool('is_lot'),
    dangerousGoods: variant.optObject('fulfillment_settings')?.optBool('dangerous_goods'),
    updatedAt: optDateTime(variant, 'updated_on'),
  } satisfies Item);
}

/**
 * ShipBob products (GET /2.0/product, a list or one product) -> ItemMaster: one item per
 * variant, keyed by SKU, with the inventory id WROs and stock reports use as warehouseRef.
 */
export function readShipbobProducts(
  root: JsonNode,
  provider: string,
  asOf: string,
  warnings: string[],
): ItemMaster {
  const products = root.isArray() ? root.items() : [root];
  const items = products.flatMap((p) =>
    p
      .at('variants')
      .items()
      .map((v) => itemOf(p, v, warnings)),
  );
  if (!items.length) root.fail('lists no product variant');
  return { provider, asOf, items };
}
