import { invoicesOf, onBoardDates, payloadsOf, type TradeGapRule } from '../../trade-gaps/contract';
import { declarationDeadline } from './working-days';

/** Payment terms Sinosure short-term cover insures (primer §9: D/P, D/A, O/A). */
const INSURED_TERMS = new Set(['DP', 'DA', 'OA']);

/**
 * A shipment on credit terms is covered only once declared (出运申报): within 5 working days of
 * the on-board date by default. A client's policy may allow other days; the policy is not on the
 * trade, so the rule shows the default deadline.
 */
const shipmentDeclaration: TradeGapRule = {
  domain: 'insurance',
  code: 'insurance.shipment-declaration',
  label: { en: 'Sinosure shipment declaration not made', zh: '信保出运申报未办理' },
  find: (facts) => {
    const onBoard = onBoardDates(facts)[0];
    if (!onBoard) return [];
    const declared = new Set(
      payloadsOf<{ invoiceNo: string }>(facts, 'InsuranceShipmentDeclaration').map(
        (d) => d.invoiceNo,
      ),
    );
    return invoicesOf(facts)
      .filter((i) => INSURED_TERMS.has(i.paymentTerms?.method ?? '') && !declared.has(i.invoiceNo))
      .map((i) => ({ subject: i.invoiceNo, due: deadlineOrNone(onBoard) }));
  },
};

// The working-day calendar refuses years it has no holidays for: then no date, not a guess.
function deadlineOrNone(onBoard: string): string | undefined {
  try {
    return declarationDeadline(onBoard);
  } catch {
    return undefined;
  }
}

export const insuranceTradeGaps: readonly TradeGapRule[] = [shipmentDeclaration];
