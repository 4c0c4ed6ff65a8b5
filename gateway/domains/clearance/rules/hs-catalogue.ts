/**
 * What customs expects per 10-digit HS code (declaration elements, statutory units) and what
 * the client told us per product (its HS code, elements and weight per piece). Both come from
 * operator-maintained tables; the rules only read them.
 */
export interface HsEntry {
  hsCode: string;
  /** Names of the declaration elements (申报要素) customs requires, in order. */
  elements: string[];
  /** Statutory first (and second) unit, 3-digit customs codes. */
  firstUnit: string;
  secondUnit?: string;
}

export interface ProductEntry {
  sku: string;
  hsCode: string;
  goodsName: string;
  /** Values of the declaration elements, in the HS entry's order. */
  elementValues: string[];
  /** Net weight per transaction unit, for statutory quantities in kilograms. */
  netKgPerUnit?: string;
}

export interface Catalogue {
  hs(hsCode: string): HsEntry | undefined;
  product(sku: string): ProductEntry | undefined;
}

export function catalogueOf(hs: HsEntry[], products: ProductEntry[]): Catalogue {
  const byHs = new Map(hs.map((h) => [h.hsCode, h]));
  const bySku = new Map(products.map((p) => [p.sku, p]));
  return { hs: (code) => byHs.get(code), product: (sku) => bySku.get(sku) };
}
