import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Claim } from '../../../core/model/documents/insurance.schema';
import type { Money } from '../../../core/model/values/money.schema';
import type { CreditLimitApplication } from '../../../connectors/insurer-sinosure';
import { InsuranceFilingsRepository } from './insurance-filings.repository';
import { InsuranceRepository } from './insurance.repository';
import { indemnity } from './rules/premium';
import { SinosurePartner } from './sinosure-partner';

export interface ClaimRequest {
  invoiceNo: string;
  /** The loss claimed; the unpaid invoice amount when not given. */
  claimedAmount?: Money;
  cause?: Claim['cause'];
}

/**
 * Filings an operator (or the client) starts: buyer credit limit applications and their
 * decisions, and claims after a notice of possible loss, each sent through the Sinosure
 * connector first and recorded once Sinosure has answered.
 */
@Injectable()
export class InsuranceFilingsService {
  constructor(
    private readonly filings: InsuranceFilingsRepository,
    private readonly repo: InsuranceRepository,
    private readonly sinosure: SinosurePartner,
  ) {}

  async applyLimit(pool: Pool, clientId: string, application: CreditLimitApplication) {
    const answer = await this.sinosure.client().applyCreditLimit(application);
    await this.filings.applied(pool, clientId, answer.applicationNo, application);
    return { applicationNo: answer.applicationNo, status: answer.status };
  }

  /** Reads Sinosure's decision; an approved or reduced limit is in force at its amount. */
  async readDecision(pool: Pool, clientId: string | null, applicationNo: string) {
    const row = await this.filings.application(pool, applicationNo);
    if (!row || (clientId !== null && row.clientId !== clientId))
      throw new NotFoundException(`credit limit application ${applicationNo} not found`);
    const d = await this.sinosure.client().creditLimitDecision(applicationNo);
    if (d.status === 'APPROVED' || d.status === 'REDUCED') {
      if (!d.approvedAmount || !d.buyerCode)
        throw new ConflictException(
          `Sinosure's ${d.status} decision names no amount or buyer code`,
        );
      await this.filings.decided(pool, row, {
        status: 'APPROVED',
        approved: d.approvedAmount.amount,
        currency: d.approvedAmount.currency,
        buyerCode: d.buyerCode,
      });
    } else if (d.status === 'REJECTED') {
      const limit = await this.repo.limitFor(pool, row.clientId, row.buyerName);
      await this.filings.decided(pool, row, {
        status: 'REJECTED',
        approved: '0',
        currency: limit?.currency ?? 'USD',
        buyerCode: d.buyerCode ?? limit?.buyerCode ?? '',
      });
    }
    return { ...d, buyerName: row.buyerName };
  }

  /** Files the claim for an invoice whose possible-loss notice is filed; once per notice. */
  async fileClaim(pool: Pool, clientId: string, req: ClaimRequest) {
    const d = await this.filings.noticed(pool, clientId, req.invoiceNo);
    if (!d) throw new NotFoundException(`no shipment declaration for invoice ${req.invoiceNo}`);
    if (!d.lossNoticeNo)
      throw new ConflictException(
        `invoice ${req.invoiceNo}: a claim follows a notice of possible loss, none is filed`,
      );
    const existing = await this.filings.claimForNotice(pool, clientId, d.lossNoticeNo);
    if (existing) return existing;
    const policy = await this.filings.policy(pool, clientId, d.policyNo);
    const limit = await this.repo.limitFor(pool, clientId, d.buyerName);
    if (!policy || !limit)
      throw new ConflictException(`policy or buyer limit of ${d.invoiceNo} gone`);
    const claimed = req.claimedAmount ?? d.invoiceAmount;
    if (claimed.currency !== limit.currency)
      throw new ConflictException(
        `the claim is in ${claimed.currency}, the limit in ${limit.currency}`,
      );
    const answer = await this.sinosure.client().fileClaim({
      policyNo: d.policyNo,
      buyerCode: d.buyerCode,
      noticeNo: d.lossNoticeNo,
      claimedAmount: claimed,
      invoiceNos: [d.invoiceNo],
    });
    const ratio = policy.commercialIndemnityPercent;
    const claim: Claim & { noticeNo: string } = {
      claimNo: answer.claimNo ?? d.lossNoticeNo,
      noticeNo: d.lossNoticeNo,
      policyNo: d.policyNo,
      buyer: { name: d.buyerName },
      buyerCode: d.buyerCode,
      stage: 'CLAIM_FILED',
      cause: req.cause ?? 'DEFAULT',
      filedAt: new Date().toISOString(),
      dueDate: d.dueDate,
      claimedAmount: claimed,
      indemnityRatioPercent: ratio,
      indemnityAmount: indemnity(
        claimed,
        { amount: limit.approved, currency: limit.currency },
        ratio,
      ),
      invoiceNos: [d.invoiceNo],
      blNos: [d.blNo],
    };
    await this.filings.insertClaim(pool, clientId, claim);
    return this.filings.claimForNotice(pool, clientId, d.lossNoticeNo);
  }
}
