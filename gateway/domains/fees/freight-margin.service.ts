import Decimal from 'decimal.js';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '../../../core/model/events';
import type { Queryable } from '../../../core/storage/queryable';
import { FxRepository } from '../settlement/fx.repository';
import { FeesRepository } from './fees.repository';
import { FreightRepository, type BoughtRow } from './freight.repository';
import {
  convert,
  freightMarginLine,
  invoiceKeys,
  type BoughtFreight,
  type FreightSale,
} from './rules/freight-margin';
import { meter } from './rules/metering';

/**
 * The margin between bought and sold freight: a carrier's bill (bought) and the platform's
 * sale to its client (sold) meet on the carrier-scoped shipment key; once both are known the
 * margin is metered, once per shipment (and once per later bill).
 */
@Injectable()
export class FreightMarginService {
  constructor(
    private readonly freight: FreightRepository,
    private readonly fees: FeesRepository,
    private readonly fx: FxRepository,
  ) {}

  /** A carrier's freight bill: recorded once, then metered against the shipments' sales. */
  async billed(tx: Queryable, e: EventEnvelope<'logistics.freight-invoice.received'>) {
    const inv = e.payload;
    // The SCAC names the carrier as sales do; a bill without one is named by its partner.
    const carrier = inv.carrierCode ?? e.source.partnerId;
    const keys = invoiceKeys(inv, carrier);
    if (keys.length === 0) return;
    await this.freight.lockShipments(tx, keys);
    await this.freight.insertBought(tx, {
      carrier: carrier.toUpperCase(),
      invoiceNo: inv.invoiceNo,
      clientId: e.clientId ?? null,
      keys,
      billed: inv.totalAmount,
      issueDate: inv.issueDate,
      occurredAt: e.occurredAt,
      envelopeId: e.id,
    });
    for (const sale of await this.freight.salesOf(tx, keys, e.clientId ?? null)) {
      await this.settle(tx, e.id, sale);
    }
  }

  /** The platform's sale of the shipment's freight (its own event, from the operator API). */
  async sold(tx: Queryable, e: EventEnvelope<'fees.freight.sold'>) {
    const { clientId, shipmentKey } = e.payload;
    await this.freight.lockShipments(tx, [shipmentKey]);
    const sale = await this.freight.sale(tx, clientId, shipmentKey);
    if (sale) await this.settle(tx, e.id, sale);
  }

  // Meters the bills not counted yet; a bill in another currency without a rate waits, flagged.
  private async settle(tx: Queryable, envelopeId: string, sale: FreightSale) {
    const schedule = await this.fees.schedule(tx, sale.clientId);
    if (!schedule.some((r) => r.service === 'FREIGHT_MARGIN' && r.kind === 'MARGIN')) return;
    const rows = await this.freight.uncounted(tx, sale.shipmentKey, sale.clientId);
    const ready: Array<BoughtFreight & BoughtRow> = [];
    for (const row of rows) {
      const rate = await this.rate(tx, row.billed.currency, sale.sold.currency, row.issueDate);
      const inSale = convert(row.billed, sale.sold.currency, rate);
      if (!inSale) {
        const why = `no ${row.billed.currency}/${sale.sold.currency} rate on or before ${row.issueDate}`;
        await this.freight.markBought(tx, [row], null, why);
        continue;
      }
      ready.push({ ...row, inSaleCurrency: inSale, ...(rate ? { rate } : {}) });
    }
    if (ready.length === 0) return;
    const line = freightMarginLine(sale, ready);
    const fee = meter(line, schedule);
    if (!fee) return;
    await this.fees.meter(tx, envelopeId, sale.clientId, fee);
    await this.freight.markBought(tx, ready, line.ref, null);
    await this.freight.markSaleMetered(tx, sale.clientId, sale.shipmentKey, line.ref);
  }

  // The settlement rate table on the bill's date; the inverse when only that is known.
  private async rate(db: Queryable, from: string, to: string, date: string) {
    if (from === to) return undefined;
    const direct = await this.fx.rateOn(db, from, to, date);
    if (direct) return direct;
    const inverse = await this.fx.rateOn(db, to, from, date);
    return inverse ? new Decimal(1).div(inverse).toSignificantDigits(12).toFixed() : undefined;
  }
}
