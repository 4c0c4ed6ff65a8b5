import {
  exportDeclaration,
  importDeclaration,
} from '../../core/model/documents/__fixtures__/customs.fixture';
import { declarationJson, exportDeclarationRender } from './declaration.writer';

describe('Single Window declaration writer', () => {
  it('writes the export header and goods lines with the primer field names', () => {
    const json = declarationJson(exportDeclaration) as {
      head: Record<string, unknown>;
      goods: Array<Record<string, unknown>>;
    };
    expect(json.head).toMatchObject({
      ieFlag: 'E',
      copNo: 'HT-DEC-0417',
      customMaster: '3104',
      iePort: '3104',
      supvModeCdde: '0110',
      cutMode: '101',
      transMode: '3',
      cusTrafMode: '2',
      billNo: 'MAEU253419876',
      cusTradeCountry: 'USA',
      cusTradeNationCode: 'USA',
      packNo: 200,
      wrapType: '22',
      grossWt: '3360',
      netWt: '2880',
      declTrnRel: '0',
    });
    expect(json.head.tradeCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(json.goods).toEqual([
      expect.objectContaining({
        gNo: 1,
        codeTs: '8516719000',
        gModel: '1|0|电热水壶|加热烧水|无品牌|KT-1500|1500W',
        declTotal: '21000.00',
        tradeCurr: 'USD',
        gUnit: '007',
        secondUnit: '035',
        originCountry: 'CHN',
        destinationCountry: 'USA',
      }),
    ]);
  });

  it('writes an import with I and the departure country', () => {
    const json = declarationJson(importDeclaration) as { head: Record<string, unknown> };
    expect(json.head).toMatchObject({ ieFlag: 'I', cusTradeCountry: 'JPN' });
  });

  it('renders a JSON file named by the declaration', () => {
    const out = exportDeclarationRender.render(exportDeclaration, {
      partnerId: 'single-window',
      receivedAt: '2025-04-18T10:00:00+08:00',
      controlRef: 'X1',
    });
    expect(out).toMatchObject({
      messageType: 'ExportDeclaration',
      fileName: 'DEC_HT-DEC-0417.json',
    });
  });
});
