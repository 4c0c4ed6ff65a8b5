import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from '../../../core/logging/logger';
import { LOGGER } from '../../infra/tokens';
import { PremiumBillsRepository } from './premium-bills.repository';
import { reconcileBill } from './rules/premium-bill';
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

  /** One fetch per (client, policy) declared in the period; a failure leaves the others stored. */
  async fetch(pool: Pool, period: string): Promise<BillFetch[]> {
    const out: BillFetch[] = [];
    for (const { clientId, policyNo } of await this.repo.policiesDeclaredIn(pool, period)) {
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
