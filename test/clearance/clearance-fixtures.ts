import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { startCustomsSimulator, type RunningSimulator } from '../support/customs-simulator';
import { stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { startRecordingGateway } from '../support/recording-handler';
import type {
  CommercialInvoice,
  PackingList,
  SalesOrder,
} from '../../core/model/documents/commerce.schema';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import type { PurchaseOrder } from '../../core/model/documents/commerce-purchase-order.schema';
import type { BillOfLading } from '../../core/model/documents/logistics-document.schema';

// An export shop's 9610 order, its booking, and the client set-up the clearance suites share.

export const seller = {
  name: '宁波示例贸易有限公司',
  identifiers: [
    { scheme: 'USCC' as const, value: '91350100M000100Y43' },
    { scheme: 'CUSTOMS' as const, value: '330296000A' },
  ],
  address: { country: 'CN' as const },
};

export const order: SalesOrder = {
  orderNo: 'SHP-2603150001',
  orderDate: '2026-03-15T09:00:00+08:00',
  status: 'CONFIRMED',
  channel: { kind: 'MARKETPLACE', platform: 'shopee', fulfillment: 'SELLER' },
  seller,
  buyer: { name: 'Yamada Taro', address: { country: 'JP' } },
  terms: { incoterm: 'DAP', place: 'Osaka' },
  customsMode: '9610',
  currency: 'CNY',
  lines: [
    {
      lineNo: 1,
      sku: 'MUG-350',
      description: '不锈钢保温杯',
      quantity: { value: '2', unit: 'H87' },
      unitPrice: { amount: '45.00', currency: 'CNY' },
      amount: { amount: '90.00', currency: 'CNY' },
      originCountry: 'CN',
    },
  ],
  goodsValue: { amount: '90.00', currency: 'CNY' },
  freight: { amount: '20.00', currency: 'CNY' },
  totalAmount: { amount: '110.00', currency: 'CNY' },
};

export const booking: Booking = {
  bookingRequestRef: 'LP00012345678CN',
  status: 'RECEIVED',
  shipper: seller,
  orderNos: ['SHP-2603150001'],
  portOfLoading: { unLocode: 'CNNGB' },
  portOfDischarge: { unLocode: 'JPOSA' },
  cargoMovement: 'LCL',
  vessel: { mode: 'AIR', voyageNo: 'CA925' },
  equipment: [{ isoEquipmentCode: '22G1', units: 1 }],
  cargo: [{ description: 'mugs', packages: { count: 1, packageType: 'CT' }, grossWeightKg: '1.2' }],
};

/** The commercial invoice of the order (a B2B 9710 / 9810 declaration needs it). */
export const invoiceFor = (orderNo: string): CommercialInvoice => ({
  invoiceNo: `INV-${orderNo}`,
  issueDate: '2026-03-15',
  seller,
  buyer: order.buyer,
  orderNos: [orderNo],
  terms: order.terms,
  currency: 'CNY',
  lines: order.lines,
  goodsValue: { amount: '90.00', currency: 'CNY' },
  totalAmount: { amount: '90.00', currency: 'CNY' },
});

/** Its packing list: one carton, the two mugs of 0.4 kg net. */
export const packingListFor = (orderNo: string): PackingList => ({
  packingListNo: `PL-${orderNo}`,
  issueDate: '2026-03-15',
  invoiceNo: `INV-${orderNo}`,
  orderNos: [orderNo],
  seller,
  buyer: order.buyer,
  units: [
    {
      packageNos: '1',
      packages: { count: 1, packageType: 'CT' },
      contents: [
        {
          lineNo: 1,
          sku: 'MUG-350',
          description: '不锈钢保温杯',
          quantity: { value: '2', unit: 'H87' },
        },
      ],
      measures: { grossWeightKg: '1.2', netWeightKg: '0.8' },
    },
  ],
  totalPackages: [{ count: 1, packageType: 'CT' }],
  totalMeasures: { grossWeightKg: '1.2', netWeightKg: '0.8' },
});

/** Envelopes as the commerce and logistics domains publish them, for one client. */
export const envelopeFor =
  (clientId: string) =>
  <P>(
    type: string,
    documentType: string,
    payload: P,
    refs: Record<string, string[]>,
  ): Envelope<P> =>
    createEnvelope({
      type,
      documentType,
      version: '1',
      payload,
      source: {
        partnerId: 'shopee-shop-1',
        connector: 'test',
        transport: 'api',
        format: 'canonical',
        messageType: documentType,
      },
      refs,
      receivedAt: new Date().toISOString(),
      occurredAt: new Date().toISOString(),
      clientId,
    });

type Api = (path: string, init: { method: string; json: unknown }) => Promise<unknown>;

/** The customs partner on the simulator's folder pair, polled every second. */
export const customsPartner = (sim: RunningSimulator) =>
  PartnerRecordSchema.parse({
    id: 'china-single-window',
    name: 'Single Window simulator',
    kind: 'customs',
    connector: 'customs-single-window',
    transports: [{ kind: 'folder', outDir: sim.outDir, inDir: sim.inDir, pollIntervalSec: 1 }],
  });

export interface ClearanceSuite {
  sim: RunningSimulator;
  gw: TestGateway;
  operator: string;
  /** An operator's request; throws with the status and body unless it succeeded. */
  api<T>(path: string, init?: Parameters<TestGateway['request']>[1]): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The simulator on a fresh folder pair, a recording gateway filing with it through the
 * customs partner (its folder transport and poller), and an operator key.
 */
export async function startClearanceSuite(): Promise<ClearanceSuite> {
  const sim = startCustomsSimulator();
  process.env.CUSTOMS_SCHEMA_DIR = sim.schemaDir;
  process.env.CLEARANCE_POLL_MS = '100';
  const gw = await startRecordingGateway();
  await gw.partners.upsert(customsPartner(sim));
  await gw.app.get(PollRuntime).resync();
  const operator = await gw.key('operator');
  return {
    sim,
    gw,
    operator,
    async api<T>(p: string, init: Parameters<TestGateway['request']>[1] = {}): Promise<T> {
      const res = await gw.request(p, { key: operator, ...init });
      if (!res.ok)
        throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async stop() {
      await stopTestGateway(gw);
      await sim.stop();
      delete process.env.CUSTOMS_SCHEMA_DIR;
      delete process.env.CLEARANCE_POLL_MS;
    },
  };
}

/**
 * Registers the client (qualified) and the catalogue entries the order's mug needs; `profile`
 * adds to the client's profile (a bonded-import area, say).
 */
export async function registerClient(
  api: Api,
  clientId: string,
  profile: Record<string, unknown> = {},
): Promise<void> {
  await api(`/clearance/clients/${clientId}`, {
    method: 'PUT',
    json: {
      ...profile,
      party: seller,
      qualification: {
        registrations: [
          { kind: 'FOREIGN_TRADE_OPERATOR', number: '04512345', status: 'ACTIVE' },
          { kind: 'CUSTOMS', number: '330296000A', status: 'ACTIVE' },
        ],
      },
    },
  });
  await api('/clearance/catalogue/hs/9617001100', {
    method: 'PUT',
    json: {
      elements: ['品牌类型', '出口享惠情况', '材质', '容量', '品牌'],
      firstUnit: '007',
      secondUnit: '035',
    },
  });
  await api(`/clearance/catalogue/products/MUG-350?clientId=${clientId}`, {
    method: 'PUT',
    json: {
      hsCode: '9617001100',
      goodsName: '保温杯',
      elementValues: ['0', '0', '不锈钢', '350ml', '无品牌'],
      netKgPerUnit: '0.4',
    },
  });
}

// An importer's side: the same Ningbo company buys mugs from a Japanese supplier (0110).

export const supplier = {
  name: 'Osaka Tableware K.K.',
  address: { country: 'JP' as const },
};

/** The importer's purchase order, as its ERP publishes it. */
export const purchaseOrderFor = (orderNo: string): PurchaseOrder => ({
  orderNo,
  orderDate: '2026-03-01T09:00:00+08:00',
  buyer: seller,
  seller: supplier,
  currency: 'USD',
  lines: [{ lineNo: 1, itemId: 'MUG-350', description: 'mugs', quantity: '100', unit: 'H87' }],
});

/** The supplier's invoice: 100 mugs at 4.50 USD, CIF Ningbo. */
export const importInvoiceFor = (orderNo: string): CommercialInvoice => ({
  invoiceNo: `JP-INV-${orderNo}`,
  issueDate: '2026-03-10',
  seller: supplier,
  buyer: seller,
  orderNos: [orderNo],
  terms: { incoterm: 'CIF', place: 'Ningbo' },
  currency: 'USD',
  lines: [
    {
      lineNo: 1,
      sku: 'MUG-350',
      description: 'stainless steel mug',
      quantity: { value: '100', unit: 'H87' },
      unitPrice: { amount: '4.50', currency: 'USD' },
      amount: { amount: '450.00', currency: 'USD' },
      originCountry: 'JP',
    },
  ],
  goodsValue: { amount: '450.00', currency: 'USD' },
  totalAmount: { amount: '450.00', currency: 'USD' },
});

/** Its packing list: 5 cartons, 40 kg net, 46 kg gross. */
export const importPackingListFor = (orderNo: string): PackingList => ({
  packingListNo: `JP-PL-${orderNo}`,
  issueDate: '2026-03-10',
  invoiceNo: `JP-INV-${orderNo}`,
  orderNos: [orderNo],
  seller: supplier,
  buyer: seller,
  units: [
    {
      packageNos: '1-5',
      packages: { count: 5, packageType: 'CT' },
      contents: [
        { lineNo: 1, sku: 'MUG-350', description: 'mugs', quantity: { value: '100', unit: 'H87' } },
      ],
      measures: { grossWeightKg: '46', netWeightKg: '40' },
    },
  ],
  totalPackages: [{ count: 5, packageType: 'CT' }],
  totalMeasures: { grossWeightKg: '46', netWeightKg: '40' },
});

/** The B/L Osaka -> Ningbo naming the order. */
export const billOfLadingFor = (orderNo: string): BillOfLading => ({
  blNo: `OSA${orderNo.replace(/[^0-9A-Z]/g, '')}`.slice(0, 20),
  status: 'ISSUED',
  bookingNos: [`BK-${orderNo}`],
  carrier: { name: 'Example Line' },
  vessel: { mode: 'SEA', vesselName: 'EXAMPLE STAR', voyageNo: '026E' },
  shippedOnBoardDate: '2026-03-12',
  shipper: supplier,
  consignee: seller,
  portOfLoading: { unLocode: 'JPOSA' },
  portOfDischarge: { unLocode: 'CNNGB' },
  transportDocumentType: 'BOL',
  containers: [],
  cargo: [{ description: 'mugs', packages: { count: 5, packageType: 'CT' }, grossWeightKg: '46' }],
  orderNos: [orderNo],
});
