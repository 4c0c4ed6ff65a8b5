import type { SummaryDeclaration } from '../../core/model/documents/customs-inventory.schema';
import { defined, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

function summary(block: CebFields): CebDocument {
  const h = block.block('SummaryApplyHead');
  const inventoryNos = block.blocks('SummaryApplyList').map((l) => l.need('invtNo'));
  if (inventoryNos.length === 0) throw block.error('SummaryApplyList', 'no list is summed');
  const payload: SummaryDeclaration = defined({
    filing: h.filing(),
    customsCode: h.need('customsCode'),
    clientRef: h.need('copNo'),
    preEntryId: h.opt('preNo'),
    summaryNo: h.opt('sumNo'),
    agent: h.party('agentCode', 'agentName'),
    seller: h.party('ebcCode', 'ebcName'),
    declarationAgent: h.party('declAgentCode', 'declAgentName'),
    periodStart: h.optTime('startTime'),
    periodEnd: h.optTime('endTime'),
    locationCode: h.opt('loctNo'),
    summaryFlag: h.need('summaryFlag'),
    itemNameFlag: h.need('itemNameFlag'),
    batch: { count: h.int('msgCount'), seqNo: h.int('msgSeqNo') },
    inventoryNos,
    remarks: h.opt('note'),
  });
  return cebDocument('SummaryDeclaration', payload, payload.filing.filedAt);
}

/** CEB701 SummaryApply -> SummaryDeclaration: the lists of a period summed for declaration. */
export const cebSummaryMapping = cebFilingMapping(
  'cn-customs-summary',
  { CEB701: 'SummaryApply' },
  summary,
);
