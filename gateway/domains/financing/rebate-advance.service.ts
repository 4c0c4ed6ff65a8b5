import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { FinancingDecision } from '../../../core/model/documents/financing.schema';
import type { RebateRefund } from '../../../core/model/documents/rebate.schema';
import { inTransaction } from '../../../core/storage/database';
import { PG_POOL } from '../../infra/tokens';
import type { ClaimRow } from '../rebate/claim.repository';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { FINANCING_CONNECTOR, LOAN_REPAID, type LoanRepaid } from './financing-events';
import { FINANCING_SETTINGS, type FinancingSettings } from './financing.settings';
import { LoanRepository } from './loan.repository';
import { applyRefund, decideRebateAdvance } from './rules/rebate-advance';

const alreadyAdvanced = (claim: ClaimRow) => ({
  eligible: false,
  reasons: [
    { code: 'ALREADY_ADVANCED', message: `rebate claim ${claim.claimNo} is financed already` },
  ],
});

export const advanceNoOf = (claimNo: string): string => `RA-${claimNo}`;

/** Advance rebate payments: decided against a ready claim, repaid from the bureau's refund. */
@Injectable()
export class RebateAdvanceService {
  constructor(
    private readonly loans: LoanRepository,
    @Inject(FINANCING_SETTINGS) private readonly settings: FinancingSettings,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The decision with its reasons; an approval draws the advance and is published. */
  async decide(claim: ClaimRow, now: Date) {
    const financingNo = advanceNoOf(claim.claimNo);
    const loan = await this.loans.byRebateClaim(this.pool, claim.clientId, claim.claimNo);
    const out = decideRebateAdvance(
      {
        claimNo: claim.claimNo,
        ready: claim.readyAt !== null,
        refunded: claim.refundAmount !== null,
        expectedRefund: claim.expectedRefund ?? undefined,
        advancedBy: loan?.financingNo,
      },
      this.settings.rebateAdvance,
    );
    if (!out.eligible || !out.amount) return { financingNo, decision: 'REJECTED' as const, ...out };
    const decision = this.approval(financingNo, claim, out.amount, out.feePercent, now);
    const drawn = await inTransaction(this.pool, async (tx) => {
      const ok = await this.loans.drawRebateAdvance(tx, claim.clientId, {
        financingNo,
        claimNo: claim.claimNo,
        amount: out.amount!,
        feePercent: out.feePercent,
        drawnOn: decision.disbursementDate!,
        decision,
      });
      if (ok) await this.publishDecision(tx, claim, decision);
      return ok;
    });
    // A concurrent request drew it first (the one-advance-per-claim index refused this one).
    if (!drawn) return { financingNo, decision: 'REJECTED' as const, ...alreadyAdvanced(claim) };
    return { ...decision, ...out };
  }

  private approval(
    financingNo: string,
    claim: ClaimRow,
    amount: FinancingDecision['approvedAmount'] & object,
    feePercent: string | undefined,
    now: Date,
  ): FinancingDecision {
    return {
      financingNo,
      decision: 'APPROVED',
      decidedAt: now.toISOString(),
      approvedAmount: amount,
      advanceRatePercent: this.settings.rebateAdvance.advanceRatePercent,
      ...(feePercent ? { feePercent } : {}),
      tenorDays: this.settings.rebateAdvance.expectedTenorDays,
      disbursedAmount: amount,
      disbursementDate: now.toISOString().slice(0, 10),
      underlying: { rebateClaimNo: claim.claimNo, declarationNos: [claim.declarationNo] },
    };
  }

  private async publishDecision(tx: PoolClient, claim: ClaimRow, d: FinancingDecision) {
    await publishSettlementEvent(tx, {
      type: 'financing.request.decided',
      documentType: 'FinancingDecision',
      payload: d,
      refs: {
        financingNo: [d.financingNo],
        rebateClaimNo: [claim.claimNo],
        declarationNo: [claim.declarationNo],
      },
      clientId: claim.clientId,
      connector: FINANCING_CONNECTOR,
    });
  }

  /** Applies the refund to the claim's advance once; a redelivered refund finds it applied. */
  async repay(tx: PoolClient, clientId: string, e: Envelope<RebateRefund>) {
    const refund = e.payload;
    const loan = await this.loans.lockUnrefunded(tx, clientId, refund.claimNo);
    if (!loan) return;
    const owed = { amount: loan.outstanding ?? loan.amount, currency: loan.currency };
    const r = applyRefund(owed, refund.refundAmount);
    await this.loans.refundApplied(tx, clientId, loan.financingNo, r.outstanding.amount);
    await publishSettlementEvent<LoanRepaid>(tx, {
      type: LOAN_REPAID,
      documentType: 'LoanRepaid',
      payload: {
        financingNo: loan.financingNo,
        invoiceNos: [],
        amount: r.repaid,
        paymentRef: refund.reference ?? refund.claimNo,
        rebateClaimNo: refund.claimNo,
        outstanding: r.outstanding,
      },
      refs: { financingNo: [loan.financingNo], rebateClaimNo: [refund.claimNo] },
      cause: e,
      clientId,
      connector: FINANCING_CONNECTOR,
    });
  }
}
