import type { Money } from '../../../core/model/values/money.schema';

/** The connector name on envelopes the fees domain publishes (through publishSettlementEvent). */
export const FEES_CONNECTOR = 'fees';

export const FREIGHT_SOLD = 'fees.freight.sold';

/** Freight the platform sold its client for a shipment (operator API): the margin's sold side. */
export interface FreightSold {
  clientId: string;
  shipmentKey: string;
  carrier: string;
  blNo?: string;
  bookingNo?: string;
  sold: Money;
  soldAt: string;
}

declare module '../../../core/model/events' {
  interface NonDocumentEvents {
    [FREIGHT_SOLD]: FreightSold;
  }
}
