import type { SummaryDeclaration } from '../../../../core/model/documents/customs-inventory.schema';
import type { Party } from '../../../../core/model/values/party.schema';

/** What the clearance service knows of a CEB701 it filed. */
export interface FiledSummary {
  recordGuid: string;
  filedAt: string;
  customsCode: string;
  copNo: string;
  periodStart: string;
  periodEnd: string;
  inventoryNos: string[];
  /** The platform: e-commerce platform, agent and declaring agent of the summary. */
  platform: Party;
  /** The real consignor of the lists (CEB701 ebcCode / ebcName). */
  seller: Party;
  note?: string;
}

/**
 * The canonical SummaryDeclaration of a CEB701 TradeHub filed, as its events carry it: the same
 * document a partner's copy of a CEB701 maps to (mappings/cn-customs-filings), so a consumer
 * reads both alike. One batch of one message, summary flag 1 and goods names as declared (0),
 * as the writer files them.
 */
export function summaryDocument(s: FiledSummary): SummaryDeclaration {
  return {
    filing: { guid: s.recordGuid, action: 'NEW', status: 'DECLARED', filedAt: s.filedAt },
    customsCode: s.customsCode,
    clientRef: s.copNo,
    agent: s.platform,
    seller: s.seller,
    declarationAgent: s.platform,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    summaryFlag: '1',
    itemNameFlag: '0',
    batch: { count: 1, seqNo: 1 },
    inventoryNos: s.inventoryNos,
    ...(s.note ? { remarks: s.note } : {}),
  };
}
