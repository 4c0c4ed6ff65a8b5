import {
  exportDeclaration,
  importDeclaration,
} from '../../core/model/documents/__fixtures__/customs.fixture';
import { cnCustomsCodec } from '../codecs/cn-customs/cn-customs.codec';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import { writeCebMessage } from '../codecs/cn-customs/ceb-write';
import { declarationFieldProblems } from './declaration-fields';
import { declarationJson, declarationMessage, exportDeclarationRender } from './declaration.writer';

const GUID = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const sender = { code: '3302968888', name: '示例平台', dxpId: 'DXPENT0000012345' };

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

  it('writes the declaration file as a DecMessage the codec reads back, passing its field rules', () => {
    const input = declarationMessage(exportDeclaration, { guid: GUID, sender });
    const xml = writeCebMessage(input);
    expect(xml.toString()).toContain('<ceb:DecMessage xmlns:ceb="http://www.chinaport.gov.cn/dec"');
    const [decoded] = cnCustomsCodec.decode(xml, cnCustomsCodec.detect(xml)!);
    expect(decoded.detection.messageType).toBe('DEC');
    expect(decoded.tree.business.DecHead[0]).toMatchObject({
      ieFlag: 'E',
      supvModeCdde: '0110',
      packNo: '200',
    });
    expect(decoded.tree.business.DecList[0]).toMatchObject({ gNo: '1', codeTs: '8516719000' });
    expect(declarationFieldProblems(decoded.tree.business)).toEqual([]);
  });

  it('names each field that breaks the rules by XPath', () => {
    const { business } = declarationMessage(exportDeclaration, { guid: GUID, sender });
    const head: CebRecord = { ...business.DecHead[0], transMode: '9' };
    delete head.tradeScc;
    const line = { ...business.DecList[0], codeTs: '85167190' };
    expect(declarationFieldProblems({ DecHead: [head], DecList: [line] })).toEqual([
      {
        xpath: '/DecMessage/DecHead/transMode',
        message: 'transMode must be a transaction mode 1-7',
      },
      { xpath: '/DecMessage/DecHead/tradeScc', message: 'tradeScc is missing' },
      {
        xpath: '/DecMessage/DecList[1]/codeTs',
        message: 'codeTs must be a 10-digit commodity code',
      },
    ]);
  });
});
