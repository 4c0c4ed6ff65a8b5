import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { FINANCING_CONNECTOR, LOAN_REPAID, type LoanRepaid } from './financing-events';
import { LoanRepository } from './loan.repository';
import { RebateAdvanceService } from './rebate-advance.service';

/** Loans are drawn from financing decisions and repaid when the buyer pays the invoices. */
@EnvelopeHandlers('financing')
export class FinancingHandler {
  constructor(
    private readonly loans: LoanRepository,
    private readonly advances: RebateAdvanceService,
  ) {}

  /** The tax bureau's refund repays the advance drawn on the claim (partly when short). */
  @OnEvent('rebate.refund.received')
  async refunded(e: EventEnvelope<'rebate.refund.received'>, { tx }: EnvelopeContext) {
    if (e.clientId) await this.advances.repay(tx, e.clientId, e);
  }

  @OnEvent('financing.request.decided')
  async decided(e: EventEnvelope<'financing.request.decided'>, { tx }: EnvelopeContext) {
    const d = e.payload;
    if (!e.clientId || !d.disbursedAmount) return;
    await this.loans.drawn(tx, e.clientId, { ...d, disbursedAmount: d.disbursedAmount });
  }

  @OnEvent('settlement.payment.matched')
  async paid(e: EventEnvelope<'settlement.payment.matched'>, { tx }: EnvelopeContext) {
    if (!e.clientId) return;
    const settled = e.payload.allocations.filter((a) => a.settled).map((a) => a.invoiceNo);
    if (settled.length === 0) return;
    for (const loan of await this.loans.repay(tx, e.clientId, settled)) {
      await publishSettlementEvent<LoanRepaid>(tx, {
        type: LOAN_REPAID,
        documentType: 'LoanRepaid',
        payload: {
          financingNo: loan.financingNo,
          invoiceNos: loan.invoiceNos,
          amount: { amount: loan.amount, currency: loan.currency },
          paymentRef: e.payload.paymentRef,
        },
        refs: { invoiceNo: loan.invoiceNos },
        cause: e,
        clientId: e.clientId,
        connector: FINANCING_CONNECTOR,
      });
    }
  }
}
