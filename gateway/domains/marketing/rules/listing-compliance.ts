import type { Product } from './product-feed';

export interface RestrictedCategory {
  category: string;
  level: 'prohibited' | 'approval';
  reason: string;
}

export interface MarketplaceRules {
  requiredAttributes: string[];
  identifier?: 'gtin-or-exemption';
  maxTitleLength?: number;
  restrictedCategories: RestrictedCategory[];
}

export interface ListingVerdict {
  sku: string;
  /** Ready to list: nothing missing, nothing prohibited, no approval outstanding. */
  ok: boolean;
  missing: string[];
  restricted?: RestrictedCategory;
  problems: string[];
}

const valueOf = (p: Product, name: string): unknown =>
  (p as unknown as Record<string, unknown>)[name] ?? p.attributes?.[name];

/** Checks one product against a marketplace's rules. */
export function checkListing(rules: MarketplaceRules, p: Product): ListingVerdict {
  const missing = rules.requiredAttributes.filter((a) => {
    const v = valueOf(p, a);
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  });
  const problems: string[] = [];
  if (rules.maxTitleLength && p.title && p.title.length > rules.maxTitleLength)
    problems.push(`title longer than ${rules.maxTitleLength} characters`);
  if (rules.identifier === 'gtin-or-exemption' && !p.gtin && !p.attributes?.gtinExemption)
    problems.push('needs a GTIN or a GTIN exemption');
  const path = (p.category ?? '').toLowerCase();
  const restricted = rules.restrictedCategories.find((r) =>
    path.startsWith(r.category.toLowerCase()),
  );
  const approved = restricted?.level === 'approval' && p.attributes?.categoryApproval === 'yes';
  return {
    sku: p.sku,
    ok: missing.length === 0 && problems.length === 0 && (!restricted || approved),
    missing,
    restricted,
    problems,
  };
}
