import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { TradeError } from '../../../core/errors/trade-error';
import { canSendShippingInstructions } from './rules/booking-state';
import {
  BookingDocument,
  type Booking,
} from '../../../core/model/documents/logistics-booking.schema';
import {
  ShippingInstructionDocument,
  type ShippingInstruction,
} from '../../../core/model/documents/logistics-document.schema';
import { validateDocument } from '../../../core/model/documents';
import { mergeRefs } from '../../../core/model/trade-refs';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import { inTransaction } from '../../../core/storage/database';
import { canSee, type Principal } from '../../auth/principal';
import { ClientIdSchema } from '../../http/common-schemas';
import { parseInput } from '../../http/zod-query';
import { PG_POOL } from '../../infra/tokens';
import { OutboundComposer, type OutboundCommand } from '../../outbound/outbound-composer';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';
import { actingClient } from '../../auth/client-scope';
import { publishLogisticsEvent } from './logistics-envelope';
import { BookingRepository, type NewBooking } from './booking.repository';

/** What narrows a reference to one booking. */
export interface BookingFilter {
  partnerId?: string;
  clientId?: string;
}

/**
 * The request body: a canonical Booking plus the carrier it goes to (and, for operators, the
 * client). The request reference is the client's own (ADR 0018); the carrier's booking number
 * comes with its confirmation, so a request cannot claim one.
 */
export const BookingRequestInput = z.looseObject({
  partnerId: z.string().min(1),
  clientId: ClientIdSchema.optional(),
  bookingRequestRef: z.string().min(1).max(100),
  bookingNo: z
    .never({ error: 'the carrier assigns bookingNo; it comes with its confirmation' })
    .optional(),
});
export const ShippingInstructionInput = z.looseObject({ partnerId: z.string().min(1).optional() });

/**
 * Books with carriers and sends them shipping instructions: stores the booking, renders the
 * partner's format (IFTMIN, DCSA) through the OutboundComposer and publishes the canonical event,
 * all in one transaction; delivery to the carrier happens later, never blocking the request.
 */
@Injectable()
export class BookingRequestService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    private readonly composer: OutboundComposer,
    private readonly bookings: BookingRepository,
  ) {}

  async request(principal: Principal, body: unknown) {
    const { partnerId, clientId: asked, ...rest } = parseInput(BookingRequestInput, body);
    const clientId = actingClient(principal, asked);
    const booking = validateDocument<Booking>('Booking', { status: 'RECEIVED', ...rest });
    if (!this.partners.find(partnerId)) throw new NotFoundException(`unknown partner ${partnerId}`);
    const now = new Date().toISOString();
    const id = randomUUID();
    return inTransaction(this.pool, async (tx) => {
      const carrierRef = await this.bookings.nextCarrierRef(tx);
      const row = {
        id,
        carrierPartnerId: partnerId,
        bookingRequestRef: booking.bookingRequestRef!,
        carrierRef,
        bookingNo: null,
        clientId,
        state: 'requested' as const,
        stateAt: booking.requestedAt ?? now,
        origin: 'api' as const,
        booking,
        correlationId: id,
      };
      if (!(await this.bookings.insert(tx, row))) return this.repeated(tx, row);
      // The carrier sees TradeHub's reference; the stored message is found by both.
      const sent = await this.send(tx, {
        partnerId,
        documentType: 'Booking',
        payload: { ...booking, bookingRequestRef: carrierRef },
        refs: BookingDocument.refs(booking),
        clientId,
        correlationId: id,
      });
      await publishLogisticsEvent(tx, {
        type: BookingDocument.defaultEventType,
        documentType: 'Booking',
        payload: booking,
        refs: mergeRefs(BookingDocument.refs(booking), { bookingNo: [carrierRef] }),
        partnerId,
        transport: 'api',
        clientId,
        correlationId: id,
        messageId: sent.messageId,
      });
      await this.bookings.addHistory(tx, id, {
        factKey: 'Booking:requested',
        outcome: 'requested',
        toState: 'requested',
        documentType: 'Booking',
        partnerId,
        messageId: sent.messageId,
        occurredAt: now,
      });
      return {
        created: true,
        bookingId: id,
        carrierRef,
        state: row.state,
        outboundMessageId: sent.messageId,
        messageRef: sent.messageRef,
      };
    });
  }

  async sendShippingInstructions(principal: Principal, ref: string, body: unknown) {
    const { partnerId, ...rest } = parseInput(ShippingInstructionInput, body);
    return inTransaction(this.pool, async (tx) => {
      const booking = await this.find(tx, principal, ref, { partnerId }, true);
      actingClient(principal, booking.clientId);
      const si = validateDocument<ShippingInstruction>('ShippingInstruction', {
        bookingNos: [booking.bookingNo ?? ref],
        ...rest,
      });
      const decision = canSendShippingInstructions({ state: booking.state, at: booking.stateAt });
      if (decision.outcome !== 'applied') throw new ConflictException(decision.reason);
      const now = new Date().toISOString();
      const sent = await this.send(tx, {
        partnerId: booking.carrierPartnerId,
        documentType: 'ShippingInstruction',
        payload: si,
        clientId: booking.clientId,
        correlationId: booking.correlationId,
      });
      await publishLogisticsEvent(tx, {
        type: ShippingInstructionDocument.defaultEventType,
        documentType: 'ShippingInstruction',
        payload: si,
        refs: ShippingInstructionDocument.refs(si),
        partnerId: booking.carrierPartnerId,
        transport: 'api',
        clientId: booking.clientId,
        correlationId: booking.correlationId,
        messageId: sent.messageId,
      });
      await this.bookings.update(tx, booking.id, { state: 'si-sent', at: now });
      await this.bookings.addHistory(tx, booking.id, {
        factKey: `ShippingInstruction:si-sent:${now}`,
        signal: 'si-sent',
        outcome: 'applied',
        fromState: booking.state,
        toState: 'si-sent',
        reason: decision.note,
        documentType: 'ShippingInstruction',
        partnerId: booking.carrierPartnerId,
        messageId: sent.messageId,
        occurredAt: now,
      });
      return {
        bookingId: booking.id,
        state: 'si-sent',
        outboundMessageId: sent.messageId,
        messageRef: sent.messageRef,
      };
    });
  }

  async get(principal: Principal, ref: string, filter: BookingFilter = {}) {
    const booking = await this.find(this.pool, principal, ref, filter);
    return { ...booking, history: await this.bookings.history(this.pool, booking.id) };
  }

  /**
   * The one booking a reference names for this principal: the carrier's booking no., the
   * reference the carrier was sent, or the client's own request reference (a carrier or, for
   * operators, a client may be named to choose).
   */
  private async find(
    db: Pool | PoolClient,
    principal: Principal,
    ref: string,
    { partnerId, clientId }: BookingFilter,
    lock = false,
  ) {
    const found = (await this.bookings.findByAnyRef(db, ref, lock)).filter(
      (b) =>
        (!partnerId || b.carrierPartnerId === partnerId) &&
        (!clientId || b.clientId === clientId) &&
        canSee(principal, b.clientId),
    );
    if (found.length === 0) throw new NotFoundException(`booking ${ref} not found`);
    if (found.length > 1)
      throw new ConflictException(
        `several bookings are named ${ref}; choose one with partnerId (or clientId)`,
      );
    return found[0];
  }

  /**
   * The same request again answers with the booking it made; a different one under the client's
   * reference is a conflict. Another client's booking under the same reference is not seen.
   */
  private async repeated(tx: PoolClient, row: NewBooking & { bookingRequestRef: string }) {
    const { carrierPartnerId: carrier, bookingRequestRef: ref } = row;
    const same = await this.bookings.findOwn(tx, carrier, row.clientId, ref);
    if (!same || !isDeepStrictEqual(same.booking, row.booking))
      throw new ConflictException(`booking ${ref} with ${carrier} exists already`);
    return { created: false, bookingId: same.id, carrierRef: same.carrierRef, state: same.state };
  }

  // A partner without an outbound format or transport is a configuration gap the caller can see.
  private async send(tx: PoolClient, command: OutboundCommand) {
    try {
      return await this.composer.send(tx, command);
    } catch (err) {
      if (err instanceof TradeError && (err.kind === 'config' || err.kind === 'mapping'))
        throw new UnprocessableEntityException(err.message);
      throw err;
    }
  }
}
