import type { MarketplaceRules } from './listing-compliance';

/**
 * Listing compliance before a product enters a marketplace: the attributes each platform
 * requires and the categories it restricts (prohibited outright, or needing approval first).
 * Kept as data so operators extend it; a category matches the product's category path by
 * prefix, case-insensitive ("Health > Supplements" matches "health > supplements > vitamins").
 */
export const LISTING_RULES: Record<string, MarketplaceRules> = {
  amazon: {
    requiredAttributes: ['title', 'brand', 'description', 'price', 'imageLink', 'condition'],
    identifier: 'gtin-or-exemption',
    maxTitleLength: 200,
    restrictedCategories: [
      {
        category: 'Weapons',
        level: 'prohibited',
        reason: 'weapons and ammunition',
      },
      {
        category: 'Health > Supplements',
        level: 'approval',
        reason: 'dietary supplements need category approval',
      },
      {
        category: 'Toys > Batteries',
        level: 'approval',
        reason: 'lithium batteries: dangerous goods review',
      },
      {
        category: 'Jewelry',
        level: 'approval',
        reason: 'fine jewellery needs category approval',
      },
    ],
  },
  shopee: {
    requiredAttributes: ['title', 'description', 'price', 'imageLink', 'weightKg'],
    maxTitleLength: 120,
    restrictedCategories: [
      {
        category: 'Weapons',
        level: 'prohibited',
        reason: 'weapons and replicas',
      },
      {
        category: 'Health > Medicines',
        level: 'prohibited',
        reason: 'medicines may not be sold cross-border',
      },
      {
        category: 'Food',
        level: 'approval',
        reason: 'food needs import licence of the destination',
      },
    ],
  },
  tiktok: {
    requiredAttributes: ['title', 'description', 'price', 'imageLink', 'brand'],
    maxTitleLength: 255,
    restrictedCategories: [
      {
        category: 'Weapons',
        level: 'prohibited',
        reason: 'weapons',
      },
      {
        category: 'Health > Supplements',
        level: 'approval',
        reason: 'supplements need qualification',
      },
    ],
  },
};
