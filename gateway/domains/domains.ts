import { clearanceDomain } from './clearance/clearance.domain';
import { commerceDomain } from './commerce/commerce.domain';
import type { DomainService } from './domain-service';
import { feesDomain } from './fees/fees.domain';
import { financingDomain } from './financing/financing.domain';
import { insuranceDomain } from './insurance/insurance.domain';
import { logisticsDomain } from './logistics/logistics.domain';
import { rebateDomain } from './rebate/rebate.domain';
import { settlementDomain } from './settlement/settlement.domain';
import { marketingDomain } from './marketing/marketing.domain';

/** Every domain service the gateway runs: a new one is a folder and one line here. */
export const domainServices: readonly DomainService[] = [
  commerceDomain,
  logisticsDomain,
  settlementDomain,
  clearanceDomain,
  marketingDomain,
  feesDomain,
  insuranceDomain,
  financingDomain,
  rebateDomain,
];
