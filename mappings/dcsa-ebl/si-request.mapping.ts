import type { ShippingInstruction } from '../../core/model/documents/logistics-document.schema';
import { jsonMapping } from '../json-support/json-mapping';
import { readShippingInstructions } from './si-request.reader';

/** A DCSA eBL 3.0 shipping instructions request (POST /v3/shipping-instructions body). */
export const DCSA_EBL_SHIPPING_INSTRUCTIONS = 'dcsa.ebl.shipping-instructions';

/** DCSA eBL 3.0 shipping instructions -> ShippingInstruction, as the shipper submitted it. */
export const dcsaShippingInstructionsMapping = jsonMapping<ShippingInstruction>({
  id: 'dcsa-ebl-3-shipping-instructions',
  messageType: DCSA_EBL_SHIPPING_INSTRUCTIONS,
  documentType: 'ShippingInstruction',
  eventType: 'logistics.shipping-instruction.submitted',
  read: ({ root, warnings }) => [readShippingInstructions(root, warnings)],
  occurredAt: (_si, ctx) => ctx.receivedAt,
});
