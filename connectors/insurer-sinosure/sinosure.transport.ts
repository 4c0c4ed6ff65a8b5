import type {
  DeliveryReceipt,
  OutboundDelivery,
  OutboundTransport,
} from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { textAt } from '../transports/http/json-peek';
import type { PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { SinosureClient } from './sinosure.client';
import { SinosureSettingsSchema } from './sinosure-settings.schema';

/** Delivers a rendered filing (limit application, shipment declaration, notice, claim). */
export class SinosureTransport implements OutboundTransport {
  readonly kind = 'sinosure-api';

  constructor(private readonly httpOptions: PartnerHttpOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const settings = parseTransportSettings(SinosureSettingsSchema, raw, partner, 'deliver');
    const client = new SinosureClient(settings, this.httpOptions);
    const answer = await client.post<Record<string, unknown>>(delivery.messageType, delivery.body);
    const ref = ['declarationRef', 'applicationNo', 'noticeNo', 'claimNo']
      .map((k) => textAt(answer, k))
      .find((v) => v !== undefined);
    return { detail: answer, partnerRef: ref };
  }
}
