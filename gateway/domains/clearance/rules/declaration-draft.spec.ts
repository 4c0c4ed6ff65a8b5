import {
  commercialInvoice,
  packingList,
  salesOrder,
} from '../../../../core/model/documents/__fixtures__/commerce.fixture';
import { booking } from '../../../../core/model/documents/__fixtures__/logistics.fixture';
import { seller } from '../../../../core/model/documents/__fixtures__/parties.fixture';
import { ExportDeclarationSchema } from '../../../../core/model/documents/customs-declaration.schema';
import { buildExportDraft, type DraftSettings, type DraftSources } from './declaration-draft';
import { catalogueOf } from './hs-catalogue';

const platform = {
  name: '示例外贸综合服务平台有限公司',
  identifiers: [
    { scheme: 'USCC' as const, value: '91330200MA2AB12C0U' },
    { scheme: 'CUSTOMS' as const, value: '3302968888' },
  ],
};
const catalogue = catalogueOf(
  [
    {
      hsCode: '8516719000',
      elements: ['品牌类型', '出口享惠情况', '用途', '功率', '品牌', '型号'],
      firstUnit: '007',
      secondUnit: '035',
    },
  ],
  [
    {
      sku: 'KT-1500-WH',
      hsCode: '8516719000',
      goodsName: '电热水壶',
      elementValues: ['1', '0', '加热烧水', '1500W', '无品牌', 'KT-1500'],
      netKgPerUnit: '1.2',
    },
  ],
);
const sources: DraftSources = {
  order: salesOrder,
  invoice: commercialInvoice,
  packingList,
  booking,
  blNo: 'MAEU253419876',
};
const settings: DraftSettings = {
  clientRef: 'DEC-0001',
  customsCode: '3104',
  portCustomsCode: '3104',
  departurePortCode: '310401',
  client: seller,
  platform,
  qualification: { mode: 'SELF', customsCode: '3302960ABC' },
  catalogue,
};

describe('export declaration draft', () => {
  it('builds a complete draft from order, invoice, packing list and booking', () => {
    const { declaration, problems } = buildExportDraft(sources, settings);
    expect(problems).toEqual([]);
    expect(declaration).toMatchObject({
      supervisionMode: '0110',
      transactionMode: '3',
      transportMode: '2',
      blNo: 'MAEU253419876',
      destinationCountry: 'US',
      destinationPortCode: 'USA000',
      packageCount: 200,
      packageType: '22',
      grossWeightKg: '3360',
      netWeightKg: '2880',
      consignor: seller,
      owner: seller,
    });
    // 2400 pieces x 1.2 kg = 2880 kg statutory second quantity.
    expect(declaration.lines[0]).toMatchObject({
      hsCode: '8516719000',
      declarationElements: '1|0|加热烧水|1500W|无品牌|KT-1500',
      quantity: { value: '2400', unit: '007' },
      firstQuantity: { value: '2400', unit: '007' },
      secondQuantity: { value: '2880', unit: '035' },
    });
    expect(ExportDeclarationSchema.safeParse(declaration).success).toBe(true);
  });

  it('names every problem by field', () => {
    const { problems } = buildExportDraft(
      {
        ...sources,
        invoice: {
          ...commercialInvoice,
          goodsValue: { amount: '20000.00', currency: 'USD' },
          totalAmount: { amount: '20000.00', currency: 'USD' },
        },
        packingList: {
          ...packingList,
          totalMeasures: { grossWeightKg: '2800', netWeightKg: '2880' },
        },
      },
      {
        ...settings,
        catalogue: catalogueOf(
          [
            {
              hsCode: '8516719000',
              elements: ['品牌类型', '出口享惠情况', '用途', '功率', '品牌', '型号', 'GTIN'],
              firstUnit: '007',
            },
          ],
          [
            {
              sku: 'KT-1500-WH',
              hsCode: '8516719000',
              goodsName: '电热水壶',
              elementValues: ['1', '0', '加热烧水', '', '无品牌', 'KT-1500'],
            },
          ],
        ),
      },
    );
    expect(problems).toEqual([
      {
        field: 'lines[0].declarationElements',
        message: 'element 4 (功率) is missing for 8516719000',
      },
      {
        field: 'lines[0].declarationElements',
        message: 'element 7 (GTIN) is missing for 8516719000',
      },
      {
        field: 'lines',
        message:
          'declared total 21000.00 USD differs from invoice HT25-INV-0088 goods value 20000.00',
      },
      { field: 'netWeightKg', message: 'net weight 2880 kg exceeds gross 2800 kg' },
    ]);
  });

  it('flags an HS code customs does not know', () => {
    const { problems } = buildExportDraft(sources, {
      ...settings,
      catalogue: catalogueOf([], [{ ...sampleProduct(), hsCode: '8516799999' }]),
    });
    expect(problems).toContainEqual({
      field: 'lines[0].hsCode',
      message: '8516799999 is not in the HS catalogue',
    });
  });

  it('declares for the client as exporter of record, the client being the owner', () => {
    const { declaration, problems } = buildExportDraft(sources, {
      ...settings,
      qualification: { mode: 'AGENCY', owner: { uscc: '91350100M000100Y43', name: seller.name } },
    });
    expect(problems).toEqual([]);
    expect(declaration.consignor).toBe(platform);
    expect(declaration.owner).toEqual({
      name: seller.name,
      identifiers: [{ scheme: 'USCC', value: '91350100M000100Y43' }],
    });
  });

  it('blocks a client with neither registration nor agency, with the reason', () => {
    const { problems } = buildExportDraft(sources, {
      ...settings,
      qualification: {
        mode: 'BLOCKED',
        reasons: ['no customs registration', 'no exporter-of-record agency'],
      },
    });
    expect(problems).toContainEqual({
      field: 'consignor',
      message: 'blocked: no customs registration; no exporter-of-record agency',
    });
  });
});

function sampleProduct() {
  return { sku: 'KT-1500-WH', hsCode: '8516719000', goodsName: '电热水壶', elementValues: ['1'] };
}
