import type { DeclarationReceipt } from '../../../../core/model/documents/customs-declaration.schema';
import {
  has,
  payloadsOf,
  plannedDeparture,
  type TradeFacts,
  type TradeGapRule,
} from '../../trade-gaps/contract';

interface DeclarationHead {
  entryId?: string;
  preEntryId?: string;
  clientRef?: string;
  status?: string;
}

const DONE = new Set(['RELEASED', 'CLOSED']);

/** Customs released (放行) or closed (结关) the export: by a receipt or the declaration's own status. */
export function customsReleased(facts: TradeFacts): boolean {
  return (
    payloadsOf<DeclarationReceipt>(facts, 'DeclarationReceipt').some((r) => DONE.has(r.outcome)) ||
    payloadsOf<DeclarationHead>(facts, 'ExportDeclaration').some((d) => DONE.has(d.status ?? ''))
  );
}

/** The number customs knows the declaration by, the best one it has so far. */
export function declarationNo(d: DeclarationHead): string | undefined {
  return d.entryId ?? d.preEntryId ?? d.clientRef;
}

/** A shipment booked with a carrier needs an export declaration before the vessel sails. */
const exportDeclaration: TradeGapRule = {
  domain: 'clearance',
  code: 'clearance.export-declaration',
  label: { en: 'no export declaration filed', zh: '尚未申报出口报关单' },
  find: (facts) =>
    has(facts, 'BookingConfirmation') && !has(facts, 'ExportDeclaration')
      ? [{ due: plannedDeparture(facts) }]
      : [],
};

/** Goods are loaded only once customs released them: due by the planned departure. */
const customsRelease: TradeGapRule = {
  domain: 'clearance',
  code: 'clearance.customs-release',
  label: { en: 'no customs release yet', zh: '海关尚未放行' },
  find: (facts) => {
    const declarations = payloadsOf<DeclarationHead>(facts, 'ExportDeclaration');
    if (declarations.length === 0 || customsReleased(facts)) return [];
    return [{ subject: declarationNo(declarations.at(-1)!), due: plannedDeparture(facts) }];
  },
};

export const clearanceTradeGaps: readonly TradeGapRule[] = [exportDeclaration, customsRelease];
