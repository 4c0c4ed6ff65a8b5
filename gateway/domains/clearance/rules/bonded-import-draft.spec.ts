import Decimal from 'decimal.js';
import { salesOrder } from '../../../../core/model/documents/__fixtures__/commerce.fixture';
import { seller } from '../../../../core/model/documents/__fixtures__/parties.fixture';
import type { SalesOrder } from '../../../../core/model/documents/commerce.schema';
import { buildBondedImportDraft, type BondedImportSetup } from './bonded-import-draft';
import type { DraftSettings } from './declaration-draft';
import { catalogueOf } from './hs-catalogue';

const settings: DraftSettings = {
  clientRef: 'DEC-SI-1',
  customsCode: '3105',
  portCustomsCode: '3105',
  client: seller,
  platform: seller,
  qualification: { mode: 'SELF', customsCode: '3302960ABC' },
  catalogue: catalogueOf(
    [{ hsCode: '8516719000', elements: ['品牌'], firstUnit: '007' }],
    [
      {
        sku: 'KT-1500-WH',
        hsCode: '8516719000',
        goodsName: '电热水壶',
        elementValues: ['无品牌'],
        netKgPerUnit: '1.2',
      },
    ],
  ),
};
const setup: BondedImportSetup = {
  areaCode: '3302460001',
  areaName: '宁波保税区示例仓',
  assureCode: '330296000A',
  carrier: { code: '3302980001', name: '宁波示例国际物流有限公司' },
};
const identity = {
  idType: '1' as const,
  idNumber: '11010519491231002X',
  name: '张小明',
  telephone: '13812345678',
};
const importOrder = (buyer: Partial<SalesOrder['buyer']> = {}): SalesOrder => ({
  ...salesOrder,
  customsMode: '1210',
  buyer: {
    name: '张小明',
    address: { lines: ['示例路1号'], city: '宁波', country: 'CN' },
    ...buyer,
  },
  lines: salesOrder.lines.map((l) => ({ ...l, originCountry: 'JP' })),
});

describe('1210 bonded-import draft', () => {
  it('drafts from the order alone: mode 1210, departure country, net weight from the catalogue', () => {
    const { declaration, problems } = buildBondedImportDraft(
      importOrder({ identity }),
      settings,
      setup,
    );
    expect(problems).toEqual([]);
    expect(declaration).toMatchObject({
      supervisionMode: '1210',
      tradeCountry: 'JP',
      destinationCountry: 'CN',
      netWeightKg: new Decimal(salesOrder.lines[0].quantity.value).times('1.2').toFixed(),
    });
  });

  it('blocks an order without the buyer identity, each field named', () => {
    const { problems } = buildBondedImportDraft(importOrder(), settings, setup);
    expect(problems.map((p) => p.field)).toEqual([
      'buyer.identity.idType',
      'buyer.identity.idNumber',
      'buyer.identity.name',
      'buyer.identity.telephone',
    ]);
  });

  it('names a bad ID number, a missing set-up and a missing address', () => {
    const bad = { ...identity, idNumber: '110105194912310021' };
    const { problems } = buildBondedImportDraft(
      importOrder({ identity: bad, address: { country: 'CN' } }),
      settings,
      undefined,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'buyer.identity.idNumber',
      'bondedImport',
      'shipTo',
    ]);
    // The problem names the field, never the number.
    expect(JSON.stringify(problems)).not.toContain('110105194912310021');
  });
});
