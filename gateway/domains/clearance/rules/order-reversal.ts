import type { DeclarationState } from './declaration-state';

export type ReversalKind = 'cancelled' | 'returned';

/** What the clearance service does when the marketplace cancels or returns an order. */
export type ReversalAction =
  /** Nothing was filed: the declaration (or the order, when none was drafted) is cancelled. */
  | { action: 'cancel-draft' }
  /** The list is with customs, not released: withdraw it with a CEB605. */
  | { action: 'cancel-list' }
  /** 9810: the goods left on the bulk shipment to the overseas warehouse; nothing per order. */
  | { action: 'note'; note: string }
  /** Released or shipped: customs must be asked by an operator; TradeHub files no return. */
  | { action: 'alert'; todo: string }
  /** Already cancelled or being cancelled: a repeated event changes nothing. */
  | { action: 'none'; why: string };

const SUBMITTED: ReadonlySet<DeclarationState> = new Set([
  'DECLARED',
  'ENTERED',
  'REVIEWED',
  'INSPECTION',
]);

/**
 * Decides how to reverse an order's customs work from the declaration's state and mode. Only a
 * list not yet released can be withdrawn (CEB605 撤销申请); after release the goods have left
 * and a return (退货) or refund declaration is needed, which this service does not file.
 */
export function reversalFor(
  kind: ReversalKind,
  declaration: { state: DeclarationState; supervisionMode: string } | undefined,
): ReversalAction {
  if (!declaration || declaration.state === 'DRAFT') return { action: 'cancel-draft' };
  const { state, supervisionMode } = declaration;
  if (state === 'CANCELLING' || state === 'CANCELLED')
    return { action: 'none', why: `declaration already ${state}` };
  if (kind === 'returned' || !SUBMITTED.has(state))
    return {
      action: 'alert',
      todo: `order ${kind} after its list was ${state}: file the return (退货) or refund declaration with customs and the marketplace refund outside TradeHub, then clear this alert`,
    };
  if (supervisionMode === '9810')
    return {
      action: 'note',
      note: 'order cancelled: 9810 goods travel on the bulk shipment to the overseas warehouse; nothing is withdrawn per order',
    };
  return { action: 'cancel-list' };
}
