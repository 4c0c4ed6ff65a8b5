import type { DeclarationReceipt } from '../../../../core/model/documents/customs-declaration.schema';
import type { RebateClaim } from '../../../../core/model/documents/rebate.schema';
import { customsReleased, declarationNo } from '../../clearance/rules/trade-gaps';
import { fullyCollected } from '../../settlement/rules/trade-gaps';
import { has, payloadsOf, type TradeFacts, type TradeGapRule } from '../../trade-gaps/contract';
import { readiness } from './readiness';

interface Declaration {
  entryId?: string;
  preEntryId?: string;
  clientRef?: string;
  status?: string;
  declarationDate?: string;
}

/** A claim that counts: filed and not refused (a draft or a rejection leaves it to do). */
function claimed(facts: TradeFacts): Set<string> {
  return new Set(
    payloadsOf<RebateClaim>(facts, 'RebateClaim')
      .filter((c) => c.status !== 'DRAFT' && c.status !== 'REJECTED')
      .flatMap((c) => c.lines.map((l) => l.declarationNo)),
  );
}

function closed(facts: TradeFacts): boolean {
  return (
    payloadsOf<DeclarationReceipt>(facts, 'DeclarationReceipt').some(
      (r) => r.outcome === 'CLOSED',
    ) || payloadsOf<Declaration>(facts, 'ExportDeclaration').some((d) => d.status === 'CLOSED')
  );
}

/**
 * An export declaration whose rebate is not claimed yet, with the pieces the claim still waits
 * for (readiness, primer §8) and its deadline (April 30 of the year after export). Whether the
 * supporting documents are on file (备案单证) is not on the trade, so that piece is not listed.
 */
const rebateClaim: TradeGapRule = {
  domain: 'rebate',
  code: 'rebate.claim',
  label: { en: 'export rebate claim not filed', zh: '出口退税尚未申报' },
  find: (facts) => {
    const done = claimed(facts);
    const byNo = new Map<string, Declaration>();
    for (const d of payloadsOf<Declaration>(facts, 'ExportDeclaration')) {
      const no = declarationNo(d);
      if (no && !done.has(no)) byNo.set(no, d);
    }
    return [...byNo].map(([no, d]) => {
      const r = readiness({
        declarationNo: no,
        exportDate: d.declarationDate ?? facts.today,
        released: customsReleased(facts),
        closed: closed(facts),
        vatMatched: has(facts, 'VatInvoice'),
        fxCollected: fullyCollected(facts),
        documentsFiled: true,
      });
      const missing = r.missing.join(', ');
      return { subject: no, due: r.deadline, detail: missing ? `waits for ${missing}` : 'ready' };
    });
  },
};

export const rebateTradeGaps: readonly TradeGapRule[] = [rebateClaim];
