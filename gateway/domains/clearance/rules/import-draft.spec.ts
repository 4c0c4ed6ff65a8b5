import {
  commercialInvoice,
  packingList,
  purchaseOrder,
} from '../../../../core/model/documents/__fixtures__/commerce.fixture';
import { billOfLading } from '../../../../core/model/documents/__fixtures__/logistics.fixture';
import { seller } from '../../../../core/model/documents/__fixtures__/parties.fixture';
import { ImportDeclarationSchema } from '../../../../core/model/documents/customs-declaration.schema';
import type { DraftSettings } from './declaration-draft';
import { catalogueOf } from './hs-catalogue';
import { arrivesInChina, buildImportDraft, type ImportSources } from './import-draft';

// The fixture's kettles bought back by the Chinese company from a US supplier: PO-1, shipped
// Los Angeles -> Ningbo.
const supplier = { name: 'Pacific Kettle Inc.', address: { country: 'US' as const } };
const sources: ImportSources = {
  purchaseOrder: { ...purchaseOrder, orderNo: 'PO-1', buyer: seller, seller: supplier },
  invoice: {
    ...commercialInvoice,
    seller: supplier,
    buyer: seller,
    orderNos: ['PO-1'],
    terms: { incoterm: 'CIF', place: 'Ningbo' },
    lines: commercialInvoice.lines.map(({ originCountry: _, ...l }) => l),
  },
  packingList,
  billOfLading: {
    ...billOfLading,
    portOfLoading: { unLocode: 'USLAX' },
    portOfDischarge: { unLocode: 'CNNGB' },
    orderNos: ['PO-1'],
  },
};
const settings: DraftSettings = {
  clientRef: 'DEC-PO-1',
  customsCode: '3104',
  portCustomsCode: '3104',
  client: seller,
  platform: { name: 'platform' },
  qualification: { mode: 'SELF', customsCode: '3302960ABC' },
  catalogue: catalogueOf(
    [{ hsCode: '8516719000', elements: ['品牌类型', '用途'], firstUnit: '007' }],
    [
      {
        sku: 'KT-1500-WH',
        hsCode: '8516719000',
        goodsName: '电热水壶',
        elementValues: ['1', '加热烧水'],
      },
    ],
  ),
};

describe('import declaration draft', () => {
  it('builds a complete draft from purchase order, invoice, packing list and B/L', () => {
    const { declaration, problems } = buildImportDraft(sources, settings);
    expect(problems).toEqual([]);
    expect(ImportDeclarationSchema.safeParse(declaration).success).toBe(true);
    expect(declaration).toMatchObject({
      supervisionMode: '0110',
      transactionMode: '1',
      blNo: 'MAEU253419876',
      departureCountry: 'US',
      departurePortCode: 'USA000',
      tradeCountry: 'US',
      contractNo: 'PO-1',
      consignee: seller,
      overseasParty: supplier,
    });
    expect(declaration.lines[0]).toMatchObject({
      hsCode: '8516719000',
      originCountry: 'US',
      destinationCountry: 'CN',
    });
  });

  it('explains by field an invoice for another order and a missing packing list', () => {
    const { problems } = buildImportDraft(
      {
        ...sources,
        invoice: { ...sources.invoice!, orderNos: ['PO-2'] },
        packingList: undefined,
      },
      settings,
    );
    expect(problems).toEqual([
      {
        field: 'invoiceNos',
        message: `invoice ${commercialInvoice.invoiceNo} does not name order PO-1`,
      },
      {
        field: 'netWeightKg',
        message: 'an import declaration needs the packing list for the net weight',
      },
    ]);
  });

  it('blocks a client with neither registration nor agency on the consignee', () => {
    const { problems } = buildImportDraft(sources, {
      ...settings,
      qualification: { mode: 'BLOCKED', reasons: ['no customs registration'] },
    });
    expect(problems).toContainEqual({
      field: 'consignee',
      message: 'blocked: no customs registration',
    });
  });

  it('takes a B/L as an import only when it discharges in China', () => {
    expect(arrivesInChina(sources.billOfLading)).toBe(true);
    expect(arrivesInChina(billOfLading)).toBe(false);
  });
});
