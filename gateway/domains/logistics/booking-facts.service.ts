import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import { TradeError } from '../../../core/errors/trade-error';
import type { BookingFact } from './rules/booking-signals';
import { transition } from './rules/booking-state';
import { BookingRepository, type BookingRow } from './booking.repository';

/** What a carrier document adds to a booking besides its state. */
export interface BookingDetails {
  bookingNo?: string;
  bookingRequestRef?: string;
  confirmation?: unknown;
}

/**
 * Applies carrier facts (confirmations, SI acknowledgements, B/Ls, booking-status events) to the
 * bookings they name, in the handler's transaction. A fact about a booking TradeHub never
 * requested adopts it, so bookings made on a carrier portal are tracked too.
 */
@Injectable()
export class BookingFactsService {
  constructor(private readonly bookings: BookingRepository) {}

  async apply(
    tx: PoolClient,
    envelope: Envelope,
    fact: BookingFact,
    details: BookingDetails = {},
  ): Promise<BookingRow[]> {
    const targets = await this.targets(tx, envelope.source.partnerId, fact);
    if (targets.length === 0) {
      const adopted = await this.adopt(tx, envelope, fact, details);
      // Lost a race with another envelope adopting the same booking: apply to that one.
      if (adopted === false) return this.apply(tx, envelope, fact, details);
      return adopted ? [adopted] : [];
    }
    for (const booking of targets) await this.applyTo(tx, booking, envelope, fact, details);
    return targets;
  }

  private async targets(tx: PoolClient, partnerId: string, fact: BookingFact) {
    const byRef = await this.bookings.findByCarrierRefs(tx, fact.bookingRefs, partnerId, true);
    const own = byRef.filter((b) => b.carrierPartnerId === partnerId);
    // Another source (a visibility hub) reporting on a booking: only when it is unambiguous.
    if (own.length > 0 || byRef.length === 1) return own.length > 0 ? own : byRef;
    if (byRef.length === 0 && fact.blNo) return this.bookings.findByBl(tx, fact.blNo, true);
    return [];
  }

  private async applyTo(
    tx: PoolClient,
    booking: BookingRow,
    envelope: Envelope,
    fact: BookingFact,
    details: BookingDetails,
  ): Promise<void> {
    const base = this.historyBase(envelope, fact);
    // The booking no. and B/L are facts whatever the state does; the confirmation only if applied.
    await this.bookings.update(tx, booking.id, { bookingNo: details.bookingNo, blNo: fact.blNo });
    if (!fact.signal) {
      await this.bookings.addHistory(tx, booking.id, {
        ...base,
        outcome: 'noted',
        reason: fact.note,
      });
      return;
    }
    const decision = transition({ state: booking.state, at: booking.stateAt }, fact.signal);
    const row = { ...base, fromState: booking.state };
    switch (decision.outcome) {
      case 'applied':
        await this.bookings.update(tx, booking.id, {
          state: decision.to,
          at: fact.signal.at,
          confirmation: details.confirmation,
        });
        await this.bookings.addHistory(tx, booking.id, {
          ...row,
          outcome: 'applied',
          toState: decision.to,
          reason: decision.note,
        });
        return;
      case 'ignored':
        await this.bookings.addHistory(tx, booking.id, {
          ...row,
          outcome: 'ignored',
          reason: decision.reason,
        });
        return;
      case 'refused':
        // A B/L before the confirmation may only be early: retry until the confirmation is in.
        if (decision.premature) {
          const ref = booking.bookingNo ?? booking.bookingRequestRef;
          throw new TradeError('transient', `booking ${ref}: ${decision.reason}`, {
            stage: 'handle',
            code: 'premature',
          });
        }
        await this.bookings.addHistory(tx, booking.id, {
          ...row,
          outcome: 'refused',
          reason: decision.reason,
        });
        return;
    }
  }

  /** A new booking from a carrier fact; false when another transaction adopted it first. */
  private async adopt(
    tx: PoolClient,
    envelope: Envelope,
    fact: BookingFact,
    details: BookingDetails,
  ): Promise<BookingRow | false | undefined> {
    const bookingNo = details.bookingNo ?? fact.bookingRefs[0];
    if (!fact.signal || !bookingNo) return undefined;
    const row = {
      id: randomUUID(),
      carrierPartnerId: envelope.source.partnerId,
      bookingRequestRef: details.bookingRequestRef ?? null,
      // The carrier's own reference for a booking TradeHub did not request.
      carrierRef: details.bookingRequestRef ?? null,
      bookingNo,
      clientId: envelope.clientId ?? null,
      // Signals are named after the state they lead to; the carrier's word is the record.
      state: fact.signal.kind,
      stateAt: fact.signal.at,
      origin: 'carrier' as const,
      booking: null,
      confirmation: details.confirmation,
      correlationId: envelope.correlationId,
    };
    if (!(await this.bookings.insert(tx, row))) return false;
    await this.bookings.update(tx, row.id, { blNo: fact.blNo });
    await this.bookings.addHistory(tx, row.id, {
      ...this.historyBase(envelope, fact),
      outcome: 'adopted',
      toState: row.state,
      reason: 'first seen in a carrier message',
    });
    return { ...row, blNos: fact.blNo ? [fact.blNo] : [] };
  }

  private historyBase(envelope: Envelope, fact: BookingFact) {
    const at = fact.signal?.at ?? envelope.occurredAt;
    return {
      factKey: `${envelope.documentType}:${fact.signal?.kind ?? 'note'}:${new Date(at).toISOString()}`,
      signal: fact.signal?.kind,
      documentType: envelope.documentType,
      partnerId: envelope.source.partnerId,
      envelopeId: envelope.id,
      messageId: envelope.source.messageId,
      occurredAt: at,
    };
  }
}
