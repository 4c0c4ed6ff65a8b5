import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { InsuranceRepository } from './insurance.repository';
import { releaseLimit } from './rules/credit-limits';
import { ShipmentDeclarationService } from './shipment-declaration.service';
import { PremiumPaymentsService } from './premium-payments.service';

const TERMS = new Set(['LC', 'DP', 'DA', 'OA']);
const money = (amount: string, currency: string) => ({ amount, currency });

/** Credit insurance: invoices are remembered, shipments on board are declared to the insurer. */
@EnvelopeHandlers('insurance')
export class InsuranceHandler {
  constructor(
    private readonly repo: InsuranceRepository,
    private readonly declarations: ShipmentDeclarationService,
    private readonly premiumPayments: PremiumPaymentsService,
  ) {}

  /** A booked debit naming a premium bill and of its total pays it (billed -> paid). */
  @OnEvent('settlement.statement.received')
  async statement(e: EventEnvelope<'settlement.statement.received'>, { tx }: EnvelopeContext) {
    await this.premiumPayments.fromStatement(tx, e);
  }

  @OnEvent('commerce.invoice.issued')
  async invoiceIssued(e: EventEnvelope<'commerce.invoice.issued'>, { tx }: EnvelopeContext) {
    const i = e.payload;
    const term = i.paymentTerms?.method ?? 'OA';
    if (!e.clientId || !TERMS.has(term)) return;
    await this.repo.putInvoice(tx, e.clientId, {
      invoiceNo: i.invoiceNo,
      buyerName: i.buyer.name,
      buyerCountry: i.buyer.address?.country ?? null,
      amount: i.totalAmount.amount,
      currency: i.totalAmount.currency,
      paymentTerm: term as 'LC' | 'DP' | 'DA' | 'OA',
      creditDays: i.paymentTerms?.creditDays ?? 0,
    });
  }

  /** The buyer's payment frees the limit the invoice had used. */
  @OnEvent('settlement.payment.matched')
  async paid(e: EventEnvelope<'settlement.payment.matched'>, { tx }: EnvelopeContext) {
    if (!e.clientId) return;
    for (const a of e.payload.allocations) {
      if (a.settled) await this.repo.paid(tx, e.clientId, a.invoiceNo);
      const invoice = await this.repo.invoice(tx, e.clientId, a.invoiceNo);
      const limit = invoice && (await this.repo.limitFor(tx, e.clientId, invoice.buyerName));
      if (!limit || limit.currency !== a.amount.currency) continue;
      const after = releaseLimit(
        {
          ...limit,
          approved: money(limit.approved, limit.currency),
          used: money(limit.used, limit.currency),
        },
        a.amount,
      );
      await this.repo.setUsed(tx, e.clientId, limit.buyerName, after.used.amount);
    }
  }

  @OnEvent('logistics.bill-of-lading.issued')
  async billOfLading(e: EventEnvelope<'logistics.bill-of-lading.issued'>, { tx }: EnvelopeContext) {
    if (e.clientId) await this.declarations.onBoard(tx, e, e.clientId);
  }
}
