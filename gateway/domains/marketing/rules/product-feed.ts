import { csvField } from './csv';

/** A catalogue product as the operator sends it for a feed or a listing check. */
export interface Product {
  sku: string;
  title?: string;
  description?: string;
  link?: string;
  imageLink?: string;
  price?: { amount: string; currency: string };
  availability?: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  condition?: 'new' | 'refurbished' | 'used';
  brand?: string;
  gtin?: string;
  mpn?: string;
  category?: string;
  attributes?: Record<string, string>;
}

export interface FeedProblem {
  sku: string;
  field: string;
  problem: string;
}

export type FeedKind = 'google-merchant' | 'tiktok';

interface Column {
  name: string;
  value: (p: Product) => string | undefined;
}

const price = (p: Product) => (p.price ? `${p.price.amount} ${p.price.currency}` : undefined);

/**
 * Google Merchant Center primary feed, TSV: id, title, description, link, image_link,
 * availability, price, condition, and brand + gtin or mpn (identifier_exists no when neither).
 */
const GOOGLE: Column[] = [
  { name: 'id', value: (p) => p.sku },
  { name: 'title', value: (p) => p.title },
  { name: 'description', value: (p) => p.description },
  { name: 'link', value: (p) => p.link },
  { name: 'image_link', value: (p) => p.imageLink },
  { name: 'availability', value: (p) => p.availability?.replace('_', ' ') },
  { name: 'price', value: price },
  { name: 'condition', value: (p) => p.condition },
  { name: 'brand', value: (p) => p.brand },
  { name: 'gtin', value: (p) => p.gtin ?? '' },
  { name: 'mpn', value: (p) => p.mpn ?? '' },
  { name: 'identifier_exists', value: (p) => (p.gtin || p.mpn ? 'yes' : 'no') },
];

/** TikTok catalog CSV template: sku_id, title, description, availability, condition, price, link, image_link, brand. */
const TIKTOK: Column[] = [
  { name: 'sku_id', value: (p) => p.sku },
  { name: 'title', value: (p) => p.title },
  { name: 'description', value: (p) => p.description },
  { name: 'availability', value: (p) => p.availability?.replace('_', ' ') },
  { name: 'condition', value: (p) => p.condition },
  { name: 'price', value: price },
  { name: 'link', value: (p) => p.link },
  { name: 'image_link', value: (p) => p.imageLink },
  { name: 'brand', value: (p) => p.brand },
];

const FEEDS: Record<
  FeedKind,
  { columns: Column[]; sep: string; contentType: string; maxTitle: number }
> = {
  'google-merchant': {
    columns: GOOGLE,
    sep: '\t',
    contentType: 'text/tab-separated-values',
    maxTitle: 150,
  },
  tiktok: { columns: TIKTOK, sep: ',', contentType: 'text/csv', maxTitle: 255 },
};

/** Every required field of every product: absent, blank, or out of bounds. */
export function validateFeed(kind: FeedKind, products: Product[]): FeedProblem[] {
  const { columns, maxTitle } = FEEDS[kind];
  const optional = new Set(['gtin', 'mpn']);
  return products.flatMap((p) => {
    const problems: FeedProblem[] = columns
      .filter((c) => !optional.has(c.name) && !c.value(p)?.trim())
      .map((c) => ({ sku: p.sku || '?', field: c.name, problem: 'required' }));
    if (p.title && p.title.length > maxTitle)
      problems.push({ sku: p.sku, field: 'title', problem: `longer than ${maxTitle} characters` });
    if (p.price && !/^\d+(\.\d{1,4})?$/.test(p.price.amount))
      problems.push({ sku: p.sku, field: 'price', problem: 'not a decimal amount' });
    if (p.gtin && !/^\d{8}$|^\d{12,14}$/.test(p.gtin))
      problems.push({ sku: p.sku, field: 'gtin', problem: 'GTIN has 8, 12, 13 or 14 digits' });
    return problems;
  });
}

/** The feed file; call validateFeed first (a line break in a TSV value becomes a space). */
export function renderFeed(
  kind: FeedKind,
  products: Product[],
): { body: string; contentType: string } {
  const { columns, sep, contentType } = FEEDS[kind];
  const cell = (v: string | undefined) =>
    sep === '\t' ? (v ?? '').replace(/[\t\r\n]+/g, ' ') : csvField(v ?? '', sep);
  const lines = [
    columns.map((c) => c.name).join(sep),
    ...products.map((p) => columns.map((c) => cell(c.value(p))).join(sep)),
  ];
  return { body: `${lines.join('\n')}\n`, contentType };
}
