import { z } from 'zod';
import { parseInput } from '../../http/zod-query';

const day = z.iso.date();
const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code');
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'decimal string');

export const GROUP_BY = ['channel', 'shop', 'country', 'sku', 'day'] as const;

export const AnalyticsQuerySchema = z.object({
  from: day,
  to: day,
  currency: currency.default('USD'),
  groupBy: z.enum(GROUP_BY).default('channel'),
  clientId: z.string().optional(),
});

export const FxRatesSchema = z.object({
  rates: z
    .array(z.object({ currency, quoteCurrency: currency, rateDate: day, rate: decimal }))
    .min(1),
});

export const CampaignSchema = z.object({
  platform: z.enum(['tiktok', 'google-ads']),
  campaignId: z.string().min(1),
  name: z.string().min(1),
  promotionIds: z.array(z.string().min(1)).default([]),
  utmCampaign: z.string().min(1).optional(),
  clientId: z.string().optional(),
});

export const SpendImportSchema = z.object({
  platform: z.enum(['tiktok', 'google-ads']),
  csv: z.string().min(1),
  /** TikTok exports state no currency: the ad account's. */
  accountCurrency: currency.optional(),
  clientId: z.string().optional(),
});

export const PerformanceQuerySchema = z.object({
  from: day,
  to: day,
  currency: currency.default('USD'),
  clientId: z.string().optional(),
});

const product = z.object({
  sku: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  link: z.string().optional(),
  imageLink: z.string().optional(),
  price: z.object({ amount: z.string(), currency }).optional(),
  availability: z.enum(['in_stock', 'out_of_stock', 'preorder', 'backorder']).optional(),
  condition: z.enum(['new', 'refurbished', 'used']).optional(),
  brand: z.string().optional(),
  gtin: z.string().optional(),
  mpn: z.string().optional(),
  category: z.string().optional(),
  weightKg: z.string().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
});

export const ProductsSchema = z.object({ products: z.array(product).min(1) });
export const ListingCheckSchema = ProductsSchema.extend({ marketplace: z.string().min(1) });

/** A body or query through its schema; a 400 names every bad field by JSON pointer. */
export const parseOr400 = parseInput;
