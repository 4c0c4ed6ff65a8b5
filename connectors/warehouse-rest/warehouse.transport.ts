import type {
  DeliveryReceipt,
  OutboundDelivery,
  OutboundTransport,
} from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { peekObject, textAt } from '../transports/http/json-peek';
import {
  PartnerHttpClient,
  type PartnerHttpOptions,
  type PartnerRequest,
} from '../transports/http/partner-http.client';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { fpxData } from './fpx-answer';
import {
  WarehouseRestSettingsSchema,
  type WarehouseRestSettings,
} from './warehouse-settings.schema';

/**
 * Inbound ASN and outbound order creation at the warehouse. 4PX style: POST of the rendered
 * body to the one endpoint, `method` and sign in the query, the warehouse's consignment
 * number in the receipt; REST style: the configured method and path, any 2xx is accepted.
 */
export class WarehouseRestTransport implements OutboundTransport {
  readonly kind = 'warehouse-rest';

  constructor(private readonly httpOptions: PartnerHttpOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const settings = parseTransportSettings(WarehouseRestSettingsSchema, raw, partner, 'deliver');
    const request = callFor(delivery, settings);
    const client = new PartnerHttpClient(settings, { ...this.httpOptions, stage: 'deliver' });
    const response = await client.request(request);
    if (!request.apiMethod) {
      const answer = peekObject(response.text);
      const id = textAt(answer, 'id') ?? textAt(answer, 'reference');
      return {
        detail: { httpStatus: response.status, id, body: response.text.slice(0, 500) },
        partnerRef: id,
      };
    }
    const data = fpxData(response.text, `${request.apiMethod} ${settings.baseUrl}`, 'deliver');
    const consignmentNo = textAt(data, 'consignment_no');
    return {
      detail: {
        httpStatus: response.status,
        method: request.apiMethod,
        result: '1',
        consignmentNo,
        refNo: textAt(data, 'ref_no'),
      },
      partnerRef: consignmentNo,
    };
  }
}

function callFor(delivery: OutboundDelivery, settings: WarehouseRestSettings): PartnerRequest {
  const base = { body: delivery.body, contentType: delivery.contentType };
  const path = settings.paths[delivery.messageType];
  if (path) {
    const [method, target] = path.split(' ') as ['POST' | 'PUT' | 'PATCH', string];
    return { ...base, method, path: target };
  }
  const apiMethod = settings.dialect === '4px' ? settings.methods[delivery.messageType] : undefined;
  if (!apiMethod) {
    throw new TradeError(
      'config',
      `warehouse-rest (${settings.dialect}) has no method or path for ${delivery.messageType}`,
      { stage: 'deliver' },
    );
  }
  return { ...base, method: 'POST', apiMethod };
}
