import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { Envelope } from '../../../core/envelope/envelope';
import type {
  PaymentInstruction,
  PaymentReceived,
} from '../../../core/model/documents/banking-payment.schema';
import { CurrencyCodeSchema } from '../../../core/model/values/money.schema';
import { DecimalStringSchema } from '../../../core/model/values/decimal.schema';
import { DateSchema, DateTimeSchema } from '../../../core/model/values/datetime.schema';
import { inTransaction } from '../../../core/storage/database';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, clientKey, visibleOr404 } from '../../auth/client-scope';
import { scopeOf, staffOperator } from '../../auth/client-scope';
import { parseBody } from '../../http/parse-body';
import { FxRepository } from './fx.repository';
import { PaymentMatchingService } from './payment-matching.service';
import { PaymentRepository } from './payment.repository';
import { ReceivableRepository } from './receivable.repository';
import { deliver, exposure } from './rules/fx-forward';
import { matchPayment } from './rules/payment-matching';
import { settleFx } from './rules/fx-settlement';
import { InstructionRepository } from './instruction.repository';
import { OutboundComposer } from '../../outbound/outbound-composer';
import { validateDocument } from '../../../core/model/documents';
import { TradeError } from '../../../core/errors/trade-error';
import Decimal from 'decimal.js';
import { publishFxDelivered } from './settlement-events';

export const ManualAllocationSchema = z.strictObject({
  invoiceNos: z.array(z.string().min(1)).min(1),
});
export const RatesSchema = z.strictObject({
  source: z.string().min(1),
  rates: z
    .array(
      z.strictObject({
        base: CurrencyCodeSchema,
        quote: CurrencyCodeSchema,
        date: DateSchema,
        rate: DecimalStringSchema,
      }),
    )
    .min(1),
});
export const ForwardSchema = z.strictObject({
  clientId: z.string().min(1).optional(),
  dealNo: z.string().min(1),
  direction: z.enum(['SELL_FX', 'BUY_FX']),
  amount: z.strictObject({ amount: DecimalStringSchema, currency: CurrencyCodeSchema }),
  quoteCurrency: CurrencyCodeSchema,
  /** The bank's forward rate: what the forward is delivered and valued at. */
  rate: DecimalStringSchema,
  /** The rate the platform gives its client; the FX margin is the difference (fees domain). */
  clientRate: DecimalStringSchema.optional(),
  valueDate: DateSchema,
  valueDateTo: DateSchema.optional(),
});
export const SettleSchema = z.strictObject({ spotRate: DecimalStringSchema });
export const InstructionRequestSchema = z.strictObject({
  /** The bank partner that executes the transfer (its outbound format: pain.001). */
  partnerId: z.string().min(1),
  clientId: z.string().min(1).optional(),
  instruction: z.unknown(),
});
export const FxSettlementSchema = z.strictObject({
  paymentId: z.uuid(),
  bankRate: DecimalStringSchema,
  referenceRate: DecimalStringSchema,
  /** The rate the platform credits its client at, when it sells the currency on its behalf. */
  clientRate: DecimalStringSchema.optional(),
  /** When the bank sold it (ISO 8601 with zone), for a 结汇 recorded after the fact; default now. */
  settledAt: DateTimeSchema.optional(),
});

/** What operators and clients ask of settlement: queues, manual matches, forwards, rates, 结汇. */
@Injectable()
export class SettlementApiService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly payments: PaymentRepository,
    private readonly receivables: ReceivableRepository,
    private readonly fx: FxRepository,
    private readonly matching: PaymentMatchingService,
    private readonly instructions: InstructionRepository,
    private readonly composer: OutboundComposer,
  ) {}

  /** Sends a payment instruction to the client's bank as its partner format (pain.001). */
  async instruct(principal: Principal, body: unknown) {
    const input = parseBody(InstructionRequestSchema, body);
    const clientId = actingClient(principal, input.clientId);
    let instruction: PaymentInstruction;
    try {
      instruction = validateDocument<PaymentInstruction>('PaymentInstruction', input.instruction);
    } catch (err) {
      const e = TradeError.from(err);
      throw new BadRequestException({ message: e.message, pointer: e.location?.pointer });
    }
    return inTransaction(this.pool, async (tx) => {
      const sent = await this.composer.send(tx, {
        partnerId: input.partnerId,
        documentType: 'PaymentInstruction',
        payload: instruction,
        clientId,
      });
      const fresh = await this.instructions.insert(tx, {
        clientKey: clientKey(clientId),
        clientId,
        partnerId: input.partnerId,
        outboundId: sent.messageId,
        instruction,
      });
      if (!fresh)
        throw new ConflictException(`instruction ${instruction.messageId} was sent before`);
      return { outboundMessageId: sent.messageId, messageId: instruction.messageId };
    });
  }

  listInstructions(principal: Principal) {
    return this.instructions.list(this.pool, scopeOf(principal));
  }

  listPayments(principal: Principal, status?: string) {
    return this.payments.list(this.pool, scopeOf(principal), status);
  }

  async payment(principal: Principal, id: string) {
    const row = visibleOr404(principal, await this.payments.get(this.pool, id), 'payment');
    return { ...row, allocations: await this.payments.allocations(this.pool, id) };
  }

  listReceivables(principal: Principal, status?: string) {
    return this.receivables.list(this.pool, scopeOf(principal), status);
  }

  /** An operator applies an unmatched payment to the invoices it names. */
  async allocate(principal: Principal, id: string, body: unknown) {
    const { invoiceNos } = parseBody(ManualAllocationSchema, body);
    return inTransaction(this.pool, async (tx) => {
      const row = visibleOr404(principal, await this.payments.lock(tx, id), 'payment');
      actingClient(principal, row.clientId);
      if (row.status !== 'UNMATCHED')
        throw new ConflictException(`payment is ${row.status} already`);
      const open = (await this.receivables.lockOpen(tx, clientKey(row.clientId))).filter((r) =>
        invoiceNos.includes(r.invoiceNo),
      );
      const missing = invoiceNos.filter((n) => !open.some((r) => r.invoiceNo === n));
      if (missing.length)
        throw new BadRequestException(`no open invoice ${missing.join(', ')} of this client`);
      const result = matchPayment(
        {
          amount: row.payment.amount,
          charges: row.payment.charges,
          instructedAmount: row.payment.instructedAmount,
          invoiceNos,
          orderNos: [],
          texts: [],
        },
        open,
        () => undefined,
      );
      if (!result.matched) throw new BadRequestException(result.reason);
      const cause = this.causeOf(row.id, row.partnerId, row.clientId, row.payment);
      await this.matching.record(tx, cause, result, `operator:${principal.name}`);
      return { paymentId: id, ...result };
    });
  }

  async putRates(principal: Principal, body: unknown) {
    // The rate table serves every client's matching and FX: a client key may not write it.
    staffOperator(principal, 'FX rates');
    const { source, rates } = parseBody(RatesSchema, body);
    await this.fx.putRates(this.pool, rates, source);
    return { stored: rates.length };
  }

  async bookForward(principal: Principal, body: unknown) {
    const input = parseBody(ForwardSchema, body);
    const clientId = actingClient(principal, input.clientId);
    const id = randomUUID();
    const created = await this.fx.insertForward(this.pool, {
      ...input,
      id,
      clientKey: clientKey(clientId),
      clientId,
      valueDateTo: input.valueDateTo ?? null,
      contract: { ...input, bookedBy: principal.name },
      clientRate: input.clientRate ?? null,
    });
    if (!created) throw new ConflictException(`forward ${input.dealNo} is booked already`);
    return { id, dealNo: input.dealNo };
  }

  async forwards(principal: Principal, status?: string) {
    const list = await this.fx.forwards(this.pool, scopeOf(principal), status);
    const open = list.filter((f) => f.status === 'OPEN');
    return { forwards: list, exposure: exposure(open) };
  }

  /** Settles what remains of a forward at maturity, valued against the spot rate given. */
  async settleForward(principal: Principal, id: string, body: unknown) {
    const { spotRate } = parseBody(SettleSchema, body);
    return inTransaction(this.pool, async (tx) => {
      const forward = visibleOr404(principal, await this.fx.lockForward(tx, id), 'forward');
      actingClient(principal, forward.clientId);
      if (forward.status !== 'OPEN') throw new ConflictException(`forward is ${forward.status}`);
      const d = deliver(forward, forward.amount.amount, spotRate);
      await this.fx.recordDelivery(tx, {
        id: randomUUID(),
        forwardId: id,
        paymentId: null,
        delivered: d.delivered.amount,
        atForward: d.atForward.amount,
        spotRate,
        atSpot: d.atSpot.amount,
        gainLoss: d.gainLoss.amount,
        settles: true,
      });
      if (forward.clientRate && new Decimal(d.delivered.amount).gt(0))
        await publishFxDelivered(
          tx,
          {
            ref: `${forward.dealNo}/maturity`,
            dealNo: forward.dealNo,
            direction: forward.direction,
            amount: d.delivered,
            quoteCurrency: forward.quoteCurrency,
            bankRate: forward.rate,
            clientRate: forward.clientRate,
            deliveredAt: new Date().toISOString(),
          },
          forward.clientId,
        );
      return { id, dealNo: forward.dealNo, ...d };
    });
  }

  /** Records 结汇 of a received foreign-currency payment at the bank's rate. */
  async settleFx(principal: Principal, body: unknown) {
    const input = parseBody(FxSettlementSchema, body);
    const payment = visibleOr404(
      principal,
      await this.payments.get(this.pool, input.paymentId),
      'payment',
    );
    const clientId = actingClient(principal, payment.clientId);
    if (payment.currency === 'CNY')
      throw new BadRequestException('a CNY payment needs no FX settlement');
    const quote = settleFx(payment.payment.amount, input.bankRate, input.referenceRate);
    const id = randomUUID();
    const clientRate = input.clientRate ?? null;
    await inTransaction(this.pool, async (tx) => {
      await this.fx.insertSettlement(tx, {
        id,
        clientKey: clientKey(clientId),
        clientId,
        paymentId: payment.id,
        quote,
        clientRate,
        settledAt: input.settledAt ?? null,
      });
      // The platform sold the receipt to the bank and credits its client at the client rate.
      if (clientRate)
        await publishFxDelivered(
          tx,
          {
            ref: `fx-settlement/${payment.payment.paymentRef}`,
            paymentId: payment.id,
            direction: 'SELL_FX',
            amount: payment.payment.amount,
            quoteCurrency: 'CNY',
            bankRate: input.bankRate,
            clientRate,
            deliveredAt: input.settledAt ?? new Date().toISOString(),
          },
          clientId,
        );
    });
    return { id, ...quote, ...(clientRate ? { clientRate } : {}) };
  }

  fxSettlements(principal: Principal) {
    return this.fx.settlements(this.pool, scopeOf(principal));
  }

  // A manual match is published as caused by the payment's own envelope.
  private causeOf(
    id: string,
    partnerId: string,
    clientId: string | null,
    payment: PaymentReceived,
  ) {
    const envelope: Envelope<PaymentReceived> = {
      id,
      type: 'settlement.payment.received',
      documentType: 'PaymentReceived',
      version: '1',
      occurredAt: new Date().toISOString(),
      receivedAt: new Date().toISOString(),
      clientId: clientId ?? undefined,
      source: { partnerId, connector: 'settlement', transport: 'api', format: 'canonical' },
      refs: { paymentRef: [payment.paymentRef] },
      correlationId: id,
      payload: payment,
    };
    return envelope;
  }
}
