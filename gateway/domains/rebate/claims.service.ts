import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { RebateClaimReady, RebateRefund } from '../../../core/model/documents/rebate.schema';
import { ClaimRepository, type ClaimRow } from './claim.repository';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { REBATE_CONNECTOR } from './rebate-events';
import { RebateRepository } from './rebate.repository';
import { traderRebate } from './rules/calculation';
import { expectedRefund } from './rules/claims';
import { DEFAULT_RATES } from './rules/rate-table';
import { readiness } from './rules/readiness';

/** Announces a claim ready once its last piece arrives, and records the bureau's refund. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly declarations: RebateRepository,
    private readonly claims: ClaimRepository,
  ) {}

  /** Publishes `rebate.claim.ready` the first time the declaration has every piece. */
  async announceIfReady(tx: PoolClient, clientId: string, declarationNo: string, cause?: Envelope) {
    const d = await this.declarations.get(tx, clientId, declarationNo);
    if (!d?.exportDate) return;
    const r = readiness(d);
    if (!r.ready) return;
    const expected = expectedRefund(traderRebate(d.matches ?? [], DEFAULT_RATES));
    const claim = await this.claims.markReady(tx, clientId, declarationNo, expected);
    if (!claim) return;
    const payload: RebateClaimReady = {
      claimNo: claim.claimNo,
      declarationNos: [declarationNo],
      readyAt: new Date(claim.readyAt!).toISOString(),
      expectedRefund: expected,
      deadline: r.deadline,
    };
    await publishSettlementEvent(tx, {
      connector: REBATE_CONNECTOR,
      type: 'rebate.claim.ready',
      documentType: 'RebateClaimReady',
      payload,
      refs: { rebateClaimNo: [claim.claimNo], declarationNo: [declarationNo] },
      clientId,
      cause,
    });
  }

  /** Records the refund once and publishes `rebate.refund.received`; undefined if not refundable. */
  async recordRefund(
    tx: PoolClient,
    claim: ClaimRow,
    refund: { amount: string; refundDate: string; reference?: string },
  ): Promise<RebateRefund | undefined> {
    const row = await this.claims.recordRefund(tx, claim.clientId, claim.claimNo, refund);
    if (!row?.refundAmount) return undefined;
    const payload: RebateRefund = {
      claimNo: row.claimNo,
      declarationNos: [row.declarationNo],
      refundAmount: row.refundAmount,
      refundDate: refund.refundDate,
      ...(refund.reference ? { reference: refund.reference } : {}),
    };
    await publishSettlementEvent(tx, {
      connector: REBATE_CONNECTOR,
      type: 'rebate.refund.received',
      documentType: 'RebateRefund',
      payload,
      refs: { rebateClaimNo: [row.claimNo], declarationNo: [row.declarationNo] },
      clientId: row.clientId,
    });
    return payload;
  }
}
