import type { BillOfLading } from '../../../../core/model/documents/logistics-document.schema';
import type { Location } from '../../../../core/model/values/location.schema';
import { norm, type Check, type Discrepancy } from './lc-types';

/** Clauses that declare the goods or packaging defective make a B/L unclean (Art. 27). */
const UNCLEAN =
  /\b(DAMAGED|DEFECTIVE|TORN|BROKEN|STAINED|WET|LEAKING|RUSTY|DENTED|CRACKED|INSUFFICIENT|UNPROTECTED)\b/;
const TRANSHIPMENT = /\bTRANS?-?SHIP/;

/** A port term of 44E/44F matches a UN/LOCODE, the port's name, or a range ("ANY ..."). */
export function portMatches(term: string | undefined, port: Location): boolean {
  if (!term) return true;
  const t = norm(term);
  if (t.startsWith('ANY ')) return true;
  return t.includes(port.unLocode) || (port.name !== undefined && t.includes(norm(port.name)));
}

function blChecks(bl: BillOfLading, lc: Parameters<Check>[0]['lc']): Discrepancy[] {
  const out: Discrepancy[] = [];
  const issue = (code: string, article: string, message: string, field?: string) =>
    out.push({ code, article, field, message: `B/L ${bl.blNo}: ${message}` });
  if (!bl.shippedOnBoardDate) issue('NOT_ON_BOARD', '20(a)(ii)', 'no dated on-board notation');
  const clauses = (bl.clauses ?? []).map(norm);
  for (const c of clauses.filter((x) => UNCLEAN.test(x)))
    issue('UNCLEAN_BL', '27', `clause "${c}"`);
  if (bl.onDeck) issue('ON_DECK', '26(a)', 'goods loaded on deck');
  if (!portMatches(lc.portOfLoading, bl.portOfLoading)) {
    issue(
      'PORT_OF_LOADING',
      '20(a)(iii)',
      `loaded at ${bl.portOfLoading.unLocode}, credit says ${lc.portOfLoading}`,
      '44E',
    );
  }
  if (!portMatches(lc.portOfDischarge, bl.portOfDischarge)) {
    issue(
      'PORT_OF_DISCHARGE',
      '20(a)(iii)',
      `discharge at ${bl.portOfDischarge.unLocode}, credit says ${lc.portOfDischarge}`,
      '44F',
    );
  }
  // Art. 20(c)(ii): transhipment may be shown, even when prohibited, for containerised goods.
  const tranships = clauses.some((c) => TRANSHIPMENT.test(c));
  if (lc.transhipment === 'NOT_ALLOWED' && tranships && bl.containers.length === 0) {
    issue('TRANSHIPMENT', '20(c)', 'transhipment indicated and prohibited by the credit', '43T');
  }
  return out;
}

/** Art. 31(b): several B/Ls on one vessel and voyage to one destination are not partial. */
function isPartial(bls: readonly BillOfLading[]): boolean {
  const journeys = new Set(
    bls.map((b) => [b.vessel.vesselName, b.vessel.voyageNo, b.portOfDischarge.unLocode].join('|')),
  );
  return journeys.size > 1;
}

export const transportChecks: Check = ({ lc, presentation: p }) => {
  const out = p.billsOfLading.flatMap((bl) => blChecks(bl, lc));
  if (lc.partialShipments === 'NOT_ALLOWED' && isPartial(p.billsOfLading)) {
    out.push({
      code: 'PARTIAL_SHIPMENT',
      article: '31(b)',
      field: '43P',
      message: 'B/Ls show more than one vessel, voyage or destination; partials are prohibited',
    });
  }
  return out;
};
