import nock from 'nock';
import type { Pool } from 'pg';
import type { IntakePort, PollContext, PollStateStore } from '../../core/connector/contract';
import { inTransaction } from '../../core/storage/database';
import { OutboundComposer, type OutboundCommand } from '../../gateway/outbound/outbound-composer';
import { eventually, type TestGateway } from '../support/gateway-harness';

/** Poll state in a table of the test database: survives a poller "restart". */
export class PgPollState implements PollStateStore {
  constructor(private readonly pool: Pool) {}

  async init(): Promise<this> {
    await this.pool.query(
      'CREATE TABLE IF NOT EXISTS test_poll_state (key text PRIMARY KEY, value text NOT NULL)',
    );
    return this;
  }

  async get(key: string): Promise<string | undefined> {
    const r = await this.pool.query<{ value: string }>(
      'SELECT value FROM test_poll_state WHERE key = $1',
      [key],
    );
    return r.rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO test_poll_state (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, value],
    );
  }
}

export function pollContext(intake: IntakePort, state: PollStateStore): PollContext {
  return { intake, state, signal: new AbortController().signal };
}

/** nock for the partner hosts only: the gateway on 127.0.0.1 stays reachable. */
export function useNockForPartners(): void {
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

/** Renders and queues documents through the gateway's outbound composer, in one transaction. */
export async function sendThroughComposer(
  gw: TestGateway,
  commands: OutboundCommand[],
): Promise<string[]> {
  const composer = gw.app.get(OutboundComposer, { strict: false });
  return inTransaction(gw.pool, async (tx) => {
    const ids: string[] = [];
    for (const command of commands) ids.push((await composer.send(tx, command)).messageId);
    return ids;
  });
}

/** Waits until every outbound message is sent or failed for good; their states in order. */
export function settledStates(gw: TestGateway, ids: string[]): Promise<string[]> {
  return eventually(async () => {
    const r = await gw.pool.query<{ id: string; state: string }>(
      'SELECT id, state FROM messages WHERE id = ANY($1)',
      [ids],
    );
    const states = ids.map((id) => r.rows.find((x) => x.id === id)?.state);
    return (
      states.every((s) => s === 'sent' || s === 'delivery-failed') && states.map((s) => s ?? '')
    );
  });
}

export interface StoredMessage {
  id: string;
  direction: string;
  transport: string;
  partner_ref: string | null;
  state: string;
  duplicate_of: string | null;
  message_type: string | null;
  raw: string;
}

export async function messagesOf(pool: Pool, partnerId: string): Promise<StoredMessage[]> {
  const r = await pool.query<StoredMessage>(
    `SELECT id, direction, transport, partner_ref, state, duplicate_of, message_type,
            convert_from(p.raw, 'UTF8') AS raw
       FROM messages JOIN message_payloads p ON p.message_id = messages.id
      WHERE partner_id = $1 ORDER BY received_at, id`,
    [partnerId],
  );
  return r.rows;
}

export async function historyOf(
  pool: Pool,
  messageId: string,
): Promise<
  Array<{ state: string; reason: string | null; detail: Record<string, unknown> | null }>
> {
  const r = await pool.query(
    'SELECT state, reason, detail FROM message_states WHERE message_id = $1 ORDER BY id',
    [messageId],
  );
  return r.rows;
}

/** A DCSA T&T 2.2 equipment event (spec shape: eventType EQUIPMENT, classifier ACT). */
export function equipmentEvent(
  n: number,
  created: string,
  equipmentEventTypeCode = 'GTOT',
): Record<string, unknown> {
  return {
    eventID: `7c2e41d0-5a3b-4e6f-8d19-00000000000${n}`,
    eventCreatedDateTime: created,
    eventType: 'EQUIPMENT',
    eventClassifierCode: 'ACT',
    eventDateTime: created.replace('Z', '+00:00'),
    equipmentEventTypeCode,
    equipmentReference: 'MSKU7265310',
    ISOEquipmentCode: '22G1',
    emptyIndicatorCode: 'LADEN',
    eventLocation: {
      locationName: 'Yantian International Container Terminals',
      UNLocationCode: 'CNYTN',
    },
    documentReferences: [{ documentReferenceType: 'BKG', documentReferenceValue: 'OCN2611045' }],
  };
}

/** A canonical Booking, new (RECEIVED, no carrier booking number yet): renders a create. */
export function newBooking(bookingRequestRef: string): Record<string, unknown> {
  return {
    bookingRequestRef,
    status: 'RECEIVED',
    carrierCode: 'OCNL',
    shipper: {
      name: '深圳前海星辰贸易有限公司',
      address: { lines: ['前海深港合作区前湾一路 1 号'], city: '深圳', country: 'CN' },
    },
    consignee: {
      name: 'Nordhafen Handels GmbH',
      address: { lines: ['Am Sandtorkai 40'], city: 'Hamburg', postalCode: '20457', country: 'DE' },
    },
    serviceContractRef: 'SC-OCNL-26-044',
    orderNos: ['SO-2026-0520'],
    portOfLoading: { unLocode: 'CNYTN', name: 'Yantian' },
    portOfDischarge: { unLocode: 'DEHAM', name: 'Hamburg' },
    cargoMovement: 'FCL',
    terms: { incoterm: 'FOB', place: 'Yantian' },
    requestedDepartureDate: '2026-06-02',
    equipment: [{ isoEquipmentCode: '22G1', units: 1, isShipperOwned: false }],
    cargo: [
      {
        description: 'LED DESK LAMPS',
        hsCode: '9405210000',
        packages: { count: 820, packageType: 'CT' },
        grossWeightKg: '7380',
      },
    ],
  };
}

/** A canonical inbound ASN for a 4PX-style warehouse (renders fu.wms.inbound.create). */
export function inboundAsn(asnNo: string): Record<string, unknown> {
  return {
    asnNo,
    provider: 'euro-fulfil',
    warehouseCode: 'DEFRAA',
    fromWarehouseCode: 'CNSZXA',
    status: 'SUBMITTED',
    transportMode: 'SEA',
    containerNos: ['MSKU7265310'],
    expectedArrival: '2026-07-01T08:00:00+02:00',
    lines: [{ sku: 'LAMP-LED-01', expectedQty: 820, boxNo: '1-41' }],
    boxCount: 41,
    measures: { grossWeightKg: '7380', volumeM3: '28.5' },
    declaredValue: { amount: '9840.00', currency: 'EUR' },
  };
}

/** A canonical fulfillment order (renders fu.wms.outbound.create). */
export function fulfillmentOrder(fulfillmentNo: string): Record<string, unknown> {
  return {
    fulfillmentNo,
    provider: 'euro-fulfil',
    warehouseCode: 'DEFRAA',
    orderNos: ['OTTO-5521-0093'],
    status: 'SUBMITTED',
    createdAt: '2026-07-03T10:15:00+02:00',
    shipTo: {
      name: 'Jonas Becker',
      address: { lines: ['Bergstraße 12'], city: 'Heidelberg', postalCode: '69120', country: 'DE' },
      contact: { phone: '+49 6221 555010', email: 'jonas.becker@example.de' },
    },
    shippingService: 'DHL-PAKET',
    lines: [{ sku: 'LAMP-LED-01', quantity: 1, description: 'LED desk lamp' }],
    declaredValue: { amount: '24.00', currency: 'EUR' },
  };
}

/**
 * The partner record of a test Shopee shop: pushes signed with `key` over `callbackUrl`, the
 * Open Platform at `baseUrl`, both message types mapped with the shop's mapping `settings`.
 */
export function shopeeShop(s: {
  id: string;
  shopId: number;
  key: string;
  callbackUrl: string;
  baseUrl: string;
  settings: Record<string, unknown>;
}) {
  const mappings = {
    'shopee.order.detail': 'shopee-order-detail',
    'shopee.push.3': 'shopee-order-push',
  };
  return {
    id: s.id,
    name: `Shopee shop ${s.shopId} (test)`,
    kind: 'marketplace',
    connector: 'commerce-shopee',
    formats: Object.entries(mappings).map(([messageType, mapping]) => ({
      format: 'json',
      messageType,
      mapping,
      settings: s.settings,
    })),
    transports: [
      { kind: 'http-inbound', direction: 'in', partnerKey: s.key, callbackUrl: s.callbackUrl },
      {
        kind: 'shopee-api',
        direction: 'both',
        baseUrl: s.baseUrl,
        partnerId: 2001887,
        partnerKey: s.key,
        shopId: s.shopId,
        refreshToken: 'refresh-0',
      },
    ],
  };
}
