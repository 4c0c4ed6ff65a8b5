import { cebCancellationMapping } from './ceb-cancellation.mapping';
import { cebInventoryMapping } from './ceb-inventory.mapping';
import { cebManifestMapping } from './ceb-manifest.mapping';
import { cebPaymentMapping } from './ceb-payment.mapping';
import { cebSummaryMapping } from './ceb-summary.mapping';
import { cebWaybillMapping } from './ceb-waybill.mapping';

export { CebFields, defined, enterprise, person } from './ceb-fields';
export { mapCebRecords } from './ceb-records';

/** Every CEB request-type filing a platform reads as a partner's copy, mapped to its document. */
export const CEB_FILING_MAPPINGS = [
  cebPaymentMapping,
  cebWaybillMapping,
  cebManifestMapping,
  cebInventoryMapping,
  cebCancellationMapping,
  cebSummaryMapping,
] as const;

export const FILING_MESSAGE_TYPES = CEB_FILING_MAPPINGS.flatMap((m) => m.messageTypes);
