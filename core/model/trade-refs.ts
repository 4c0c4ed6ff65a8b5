import { z } from 'zod';

/**
 * The trade references that link messages across customs, logistics, bank, insurer and
 * channel. Each is a list: one message can name several containers or invoices.
 */
export const TRADE_REF_KINDS = [
  'orderNo',
  'bookingNo',
  'blNo',
  'containerNo',
  'declarationNo',
  'invoiceNo',
  'lcNo',
  'policyNo',
  'shipmentNo',
  'asnNo',
  'fulfillmentNo',
  'trackingNo',
  'paymentRef',
  'claimNo',
  'contractNo',
  // Added with the canonical model: origin certificates, FX deals, financing cases and rebate
  // claims are looked up by their own numbers (a rebate claim is not an insurance claimNo).
  'certificateNo',
  'fxDealNo',
  'financingNo',
  'rebateClaimNo',
] as const;

export type TradeRefKind = (typeof TRADE_REF_KINDS)[number];

export const TradeRefsSchema = z.partialRecord(z.enum(TRADE_REF_KINDS), z.array(z.string().min(1)));
export type TradeRefs = z.infer<typeof TradeRefsSchema>;

/** Merges reference lists, dropping blanks and duplicates, keeping first-seen order. */
export function mergeRefs(...all: Array<TradeRefs | undefined>): TradeRefs {
  const out: TradeRefs = {};
  for (const refs of all) {
    if (!refs) continue;
    for (const kind of TRADE_REF_KINDS) {
      for (const value of refs[kind] ?? []) {
        const v = value.trim();
        if (!v) continue;
        const list = (out[kind] ??= []);
        if (!list.includes(v)) list.push(v);
      }
    }
  }
  return out;
}

/** Flattens refs into (kind, value) pairs, for indexing. */
export function refPairs(refs: TradeRefs): Array<{ kind: TradeRefKind; value: string }> {
  return TRADE_REF_KINDS.flatMap((kind) => (refs[kind] ?? []).map((value) => ({ kind, value })));
}
