import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { DecimalStringSchema, NonNegativeDecimalSchema } from '../values/decimal.schema';
import { CurrencyCodeSchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { RefNo } from './common.schema';

/** Rate as units of quote currency per one unit of base currency (USD/CNY 7.1023). */
export const FxRateSchema = z.strictObject({
  base: CurrencyCodeSchema,
  quote: CurrencyCodeSchema,
  value: NonNegativeDecimalSchema,
});

/** The far leg of an FX swap: the near leg's currencies the other way round. */
export const FxSwapFarLegSchema = z.strictObject({
  valueDate: DateSchema,
  soldAmount: PositiveMoneySchema,
  boughtAmount: PositiveMoneySchema,
  rate: FxRateSchema,
});

/** An FX deal with a bank: spot, forward settlement (远期结汇) or swap. */
export const FxContractSchema = z
  .strictObject({
    dealNo: RefNo,
    contractType: z.enum(['SPOT', 'FORWARD', 'SWAP']),
    /** SELL_FX: the client sells foreign currency for CNY (结汇); BUY_FX: 售汇. */
    direction: z.enum(['SELL_FX', 'BUY_FX']),
    /** CNY settles onshore; CNH (offshore) is modelled as CNY + OFFSHORE. */
    market: z.enum(['ONSHORE', 'OFFSHORE']),
    status: z.enum(['BOOKED', 'DELIVERED', 'EXTENDED', 'CLOSED_OUT', 'CANCELLED']),
    bank: PartySchema,
    client: PartySchema,
    tradeDate: DateSchema,
    /** Delivery date, or the start of the window for a window forward. */
    valueDate: DateSchema,
    valueDateTo: DateSchema.optional(),
    soldAmount: PositiveMoneySchema,
    boughtAmount: PositiveMoneySchema,
    rate: FxRateSchema,
    forwardPoints: DecimalStringSchema.optional(),
    bookedAt: DateTimeSchema.optional(),
    invoiceNos: z.array(RefNo).optional(),
    lcNo: z.string().optional(),
    contractNo: z.string().optional(),
    /** SWAP only: the far leg, which reverses the near leg at its own date and rate. */
    farLeg: FxSwapFarLegSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.contractType === 'SWAP') !== (d.farLeg !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['farLeg'],
        message: 'a swap has a far leg, and only a swap has one',
      });
    }
    if (d.farLeg && d.farLeg.valueDate <= d.valueDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['farLeg', 'valueDate'],
        message: 'the far leg settles after the near leg',
      });
    }
    const pair = [d.rate.base, d.rate.quote].sort().join('/');
    const legs = [d.soldAmount.currency, d.boughtAmount.currency].sort().join('/');
    if (pair !== legs) {
      ctx.addIssue({
        code: 'custom',
        path: ['rate'],
        message: `rate ${d.rate.base}/${d.rate.quote} does not match the deal currencies`,
      });
    }
  });
export type FxContract = z.infer<typeof FxContractSchema>;

export const FxContractDocument = defineDocument({
  name: 'FxContract',
  version: '1',
  schema: FxContractSchema,
  defaultEventType: 'settlement.fx-contract.booked',
  refs: (d) =>
    collectRefs({
      fxDealNo: d.dealNo,
      invoiceNo: d.invoiceNos,
      lcNo: d.lcNo,
      contractNo: d.contractNo,
    }),
});
