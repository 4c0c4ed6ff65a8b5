import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../core/model/events';
import { partyId } from '../../../core/model/values/party.schema';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { FxRepository } from './fx.repository';
import { clientKey } from '../../auth/client-scope';
import { PaymentMatchingService } from './payment-matching.service';
import { ReceivableRepository } from './receivable.repository';
import { InstructionRepository } from './instruction.repository';
import { statusesOf } from './rules/instruction-status';

/**
 * Settlement: invoices open receivables, bank credits are matched to them, FX forwards booked
 * with a bank are recorded for delivery against receipts.
 */
@EnvelopeHandlers('settlement')
export class SettlementHandler {
  constructor(
    private readonly receivables: ReceivableRepository,
    private readonly matching: PaymentMatchingService,
    private readonly fx: FxRepository,
    private readonly instructions: InstructionRepository,
  ) {}

  @OnEvent('settlement.payment.status')
  async paymentStatus(
    envelope: EventEnvelope<'settlement.payment.status'>,
    { tx }: EnvelopeContext,
  ) {
    const report = envelope.payload;
    for (const s of statusesOf(report)) {
      await this.instructions.setStatus(tx, {
        partnerId: envelope.source.partnerId,
        messageId: report.originalMessageId,
        ...s,
      });
    }
  }

  @OnEvent('commerce.invoice.issued')
  async invoiceIssued(envelope: EventEnvelope<'commerce.invoice.issued'>, { tx }: EnvelopeContext) {
    const invoice = envelope.payload;
    await this.receivables.upsert(tx, {
      id: randomUUID(),
      clientKey: clientKey(envelope.clientId),
      clientId: envelope.clientId ?? null,
      invoiceNo: invoice.invoiceNo,
      orderNos: invoice.orderNos ?? [],
      buyerName: invoice.buyer.name,
      currency: invoice.totalAmount.currency,
      amount: invoice.totalAmount.amount,
      dueDate: dueDateOf(invoice.issueDate, invoice.paymentTerms?.creditDays),
      envelopeId: envelope.id,
      issuedAt: envelope.occurredAt,
    });
  }

  @OnEvent('settlement.payment.received')
  async paymentReceived(
    envelope: EventEnvelope<'settlement.payment.received'>,
    { tx }: EnvelopeContext,
  ) {
    await this.matching.received(tx, envelope);
  }

  @OnEvent('settlement.fx-contract.booked')
  async fxContractBooked(
    envelope: EventEnvelope<'settlement.fx-contract.booked'>,
    { tx }: EnvelopeContext,
  ) {
    const deal = envelope.payload;
    if (deal.contractType === 'SPOT' || deal.status !== 'BOOKED') return;
    // The foreign leg is what the client sells (SELL_FX) or buys (BUY_FX); the other is CNY.
    const foreign = deal.direction === 'SELL_FX' ? deal.soldAmount : deal.boughtAmount;
    const local = deal.direction === 'SELL_FX' ? deal.boughtAmount : deal.soldAmount;
    const rate = deal.rate.base === foreign.currency ? deal.rate.value : undefined;
    if (!rate) return;
    await this.fx.insertForward(tx, {
      id: randomUUID(),
      clientKey: clientKey(envelope.clientId),
      clientId: envelope.clientId ?? null,
      dealNo: deal.dealNo,
      direction: deal.direction,
      amount: foreign,
      quoteCurrency: local.currency,
      rate,
      valueDate: deal.valueDate,
      valueDateTo: deal.valueDateTo ?? null,
      contract: { ...deal, bankBic: partyId(deal.bank, 'BIC') },
      // The bank's confirmation states the bank's rate only: the client dealt with its bank.
      clientRate: null,
    });
  }
}

// Credit days run from the invoice date (open account, D/A); without them the invoice is due now.
function dueDateOf(issueDate: string, creditDays: number | undefined): string {
  const due = new Date(`${issueDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + (creditDays ?? 0));
  return due.toISOString().slice(0, 10);
}
