import { SummaryDeclarationSchema } from '../../../../core/model/documents/customs-inventory.schema';
import { summaryDocument } from './summary-document';

describe('summaryDocument: the SummaryDeclaration of a CEB701 TradeHub filed', () => {
  const platform = {
    name: 'TradeHub platform',
    identifiers: [{ scheme: 'CUSTOMS' as const, value: '3302961234' }],
  };
  const filed = {
    recordGuid: '5B000000-0000-4000-8000-000000000701',
    filedAt: '2026-04-01T02:00:00+08:00',
    customsCode: '3105',
    copNo: 'SUM-0001',
    periodStart: '2026-03-01T00:00:00+08:00',
    periodEnd: '2026-04-01T00:00:00+08:00',
    inventoryNos: ['31052026E000000001', '31052026E000000002'],
    platform,
    seller: {
      name: '宁波示例贸易有限公司',
      identifiers: [{ scheme: 'CUSTOMS' as const, value: '330296000A' }],
    },
  };

  it('is a valid canonical document naming the lists, period and parties', () => {
    const doc = summaryDocument({ ...filed, note: 'CEB702 120 entered' });
    expect(SummaryDeclarationSchema.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      clientRef: 'SUM-0001',
      inventoryNos: ['31052026E000000001', '31052026E000000002'],
      filing: { guid: filed.recordGuid, status: 'DECLARED' },
      seller: { name: '宁波示例贸易有限公司' },
      declarationAgent: platform,
      remarks: 'CEB702 120 entered',
    });
  });
});
