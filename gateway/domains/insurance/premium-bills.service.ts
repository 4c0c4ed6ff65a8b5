import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from '../../../core/logging/logger';
import { LOGGER } from '../../infra/tokens';
import { PremiumBillsRepository } from './premium-bills.repository';
import { billingPeriodDue, reconcileBill } from './rules/premium-bill';
import { SinosurePartner } from './sinosure-partner';

export interface BillFetch {
  clientId: string;
  policyNo: string;
  billNo?: string;
  flagged?: boolean;
  error?: string;
}

/** Fetches each policy's premium bill for a period and reconciles it with the declarations. */
@Injectable()
export class PremiumBillsService {
  constructor(
    private readonly repo: PremiumBillsRepository,
    private readonly sinosure: SinosurePartner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The scheduled run's part: the previous month's bills not stored yet, from the issue day
   * (INSURANCE_PREMIUM_BILL_DAY, default 5) on. A failed fetch is tried again at the next run.
   */
  async fetchDue(pool: Pool, today: string): Promise<BillFetch[]> {
    const period = billingPeriodDue(today, Number(process.env.INSURANCE_PREMIUM_BILL_DAY ?? 5));
    return period ? this.fetch(pool, period, true) : [];
  }

  /** One fetch per (client, policy) declared in the period; a failure leaves the others stored. */
  async fetch(pool: Pool, period: string, unbilledOnly = false): Promise<BillFetch[]> {
    const out: BillFetch[] = [];
    const pairs = await this.repo.policiesDeclaredIn(pool, period, unbilledOnly);
    for (const { clientId, policyNo } of pairs) {
      try {
        const bill = await this.sinosure.client().premiumBill(policyNo, period);
        const declared = await this.repo.declaredPremiums(pool, clientId, policyNo, period);
        const r = reconcileBill(bill, declared);
        await this.repo.put(pool, clientId, bill, r);
        if (r.flagged)
          this.logger.warn(
            { clientId, policyNo, period, difference: r.difference },
            'premium bill differs',
          );
        out.push({ clientId, policyNo, billNo: bill.billNo, flagged: r.flagged });
      } catch (err) {
        out.push({ clientId, policyNo, error: (err as Error).message });
      }
    }
    return out;
  }
}
