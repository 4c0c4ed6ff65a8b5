import type { EventEnvelope } from '../../../../core/model/events';
import type { Billable } from './metering';

/** An order cleared: the customs receipt that releases a declaration (one fee per declaration). */
export function clearedOrder(
  e: EventEnvelope<'clearance.declaration.receipt'>,
): Billable | undefined {
  const r = e.payload;
  const ref = r.entryId ?? r.orderNo ?? r.preEntryId;
  if (r.outcome !== 'RELEASED' || !ref) return undefined;
  return { service: 'CLEARANCE', ref, occurredAt: r.returnTime };
}

/** A loan drawn: a financing decision stating the disbursed amount. */
export function loanDrawn(e: EventEnvelope<'financing.request.decided'>): Billable | undefined {
  const d = e.payload;
  if (!d.disbursedAmount || !['APPROVED', 'PARTIALLY_APPROVED'].includes(d.decision))
    return undefined;
  return {
    service: 'FINANCING_COMMISSION',
    ref: d.financingNo,
    occurredAt: d.decidedAt,
    base: d.disbursedAmount,
  };
}

/** A forward settled (delivered): the margin on the foreign amount sold or bought. */
export function forwardSettled(
  e: EventEnvelope<'settlement.fx-contract.booked'>,
): Billable | undefined {
  const c = e.payload;
  if (c.status !== 'DELIVERED') return undefined;
  const foreign = c.direction === 'SELL_FX' ? c.soldAmount : c.boughtAmount;
  return { service: 'FX_MARGIN', ref: c.dealNo, occurredAt: e.occurredAt, base: foreign };
}

/** A booking the carrier confirmed for the client: one logistics service order. */
export function bookingConfirmed(
  e: EventEnvelope<'logistics.booking.confirmed'>,
): Billable | undefined {
  const b = e.payload;
  if (b.status !== 'CONFIRMED') return undefined;
  return { service: 'LOGISTICS', ref: b.bookingNo, occurredAt: b.confirmedAt };
}

/** A rebate claim filed on the client's behalf: one rebate agency order (per claim). */
export function rebateClaimFiled(e: EventEnvelope<'rebate.claim.filed'>): Billable | undefined {
  const c = e.payload;
  if (c.status === 'DRAFT' || c.status === 'REJECTED') return undefined;
  return { service: 'REBATE_AGENCY', ref: c.claimNo, occurredAt: c.filedAt ?? e.occurredAt };
}
