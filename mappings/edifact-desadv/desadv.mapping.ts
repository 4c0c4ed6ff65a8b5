import { lenientDates } from '../carrier-edifact/edifact-datetime';
import type { DespatchAdvice } from '../../core/model/documents/commerce-despatch-advice.schema';
import { isValidContainerNo } from '../../core/model/values/container-no';
import { isPackageCode, isUnitCode } from '../../core/model/values/unit.schema';
import type { InboundMapping } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { readCarrierSettings } from '../carrier-edifact/carrier-settings.schema';
import { mappingError } from '../carrier-edifact/mapping-error';
import { compact } from '../carrier-edifact/shipment-event.builder';
import {
  decimal,
  descriptionOf,
  documentNumber,
  firstDtm,
  itemOf,
  partyByRole,
  refsOf,
} from '../edifact-invoic/commerce-segments';

type Line = DespatchAdvice['lines'][number];
type Packages = NonNullable<DespatchAdvice['packages']>;

// UNCL 2005: 137 document date, 11 despatch date; 17 delivery estimated, 132 arrival estimated,
// 69 delivery promised for. Requested dates (2) are the buyer's wish, not an expectation.
const EXPECTED_DELIVERY = ['17', '132', '69'];

/**
 * UN/EDIFACT DESADV (EANCOM alike) -> DespatchAdvice, one per message: BGM 1004 the number, DTM
 * 137/11/17 the dates (in the partner's `timeZone`), NAD SU/BY/DP/CA the parties, RFF ON/PK/BM
 * the references, EQD CN the containers, PAC the packages, and one line per LIN (in every CPS
 * level) with its despatched QTY 12 and the order line it answers (RFF ON/LI).
 */
export const desadvMapping: InboundMapping<EdifactMessage> = {
  id: 'edifact-desadv',
  format: 'edifact',
  messageTypes: ['DESADV'],
  toCanonical(decoded, ctx) {
    const zone = readCarrierSettings(ctx).timeZone;
    const warnings: string[] = [];
    const advice = read(decoded.tree, zone, warnings, lenientDates(ctx, warnings));
    return {
      documents: [
        {
          documentType: 'DespatchAdvice',
          eventType: 'commerce.despatch-advice.received',
          payload: advice,
          occurredAt: advice.despatchedAt ?? advice.issuedAt ?? ctx.receivedAt,
        },
      ],
      warnings,
    };
  },
};

function read(
  m: EdifactMessage,
  zone: string,
  warnings: string[],
  lenient: string[] | undefined,
): DespatchAdvice {
  const root = m.tree;
  const [bgm, despatchAdviceNo] = documentNumber(m, 'despatch advice');
  const dtm = (qualifiers: string[]) => firstDtm(root, qualifiers, zone, lenient);
  const supplier = partyByRole(root, ['SU', 'SE', 'CZ']);
  if (!supplier)
    throw mappingError('DESADV names no supplier (NAD SU, SE or CZ)', bgm, 'missing-party');
  const cps = root.groups('CPS');
  const lines = cps.flatMap((g) => g.groups('LIN')).map(lineOf);
  if (lines.length === 0) throw mappingError('DESADV lists no line (LIN)', bgm, 'missing-lines');
  return compact({
    despatchAdviceNo,
    issuedAt: dtm(['137']),
    despatchedAt: dtm(['11']),
    expectedDeliveryAt: dtm(EXPECTED_DELIVERY),
    supplier,
    buyer: partyByRole(root, ['BY']),
    shipTo: partyByRole(root, ['DP', 'ST', 'CN']),
    carrier: partyByRole(root, ['CA']),
    orderNos: refsOf(root, 'ON'),
    packingListNo: refsOf(root, 'PK')[0],
    blNo: refsOf(root, 'BM')[0],
    containerNos: containersOf(root, warnings),
    packages: packagesOf(cps, warnings),
    lines,
  });
}

/** EQD CN (container) ids with a valid ISO 6346 check digit; others are a warning. */
function containersOf(root: SegmentGroup, warnings: string[]): string[] {
  const ids = root
    .groups('EQD')
    .map((g) => g.head as EdifactSegment)
    .filter((eqd) => eqd.get(0) === 'CN' && eqd.get(1, 0))
    .map((eqd) => (eqd.get(1, 0) as string).replace(/\s/g, '').toUpperCase());
  for (const id of ids.filter((c) => !isValidContainerNo(c)))
    warnings.push(`EQD container ${id} fails the ISO 6346 check digit, left out`);
  return [...new Set(ids.filter(isValidContainerNo))];
}

/** PAC 7224 counts summed per 7065 package type (Rec 21); other types are a warning. */
function packagesOf(cps: SegmentGroup[], warnings: string[]): Packages {
  const byType = new Map<string, number>();
  for (const pac of cps.flatMap((g) => g.groups('PAC')).map((g) => g.head as EdifactSegment)) {
    const count = Number(pac.get(0) ?? '');
    const type = pac.get(2, 0)?.trim().toUpperCase() ?? '';
    if (!Number.isInteger(count) || count < 0 || !isPackageCode(type)) {
      warnings.push(`PAC ${pac.get(0) ?? ''} ${type}: no whole count of a Rec 21 package type`);
      continue;
    }
    byType.set(type, (byType.get(type) ?? 0) + count);
  }
  return [...byType].map(([packageType, count]) => ({ count, packageType }));
}

function lineOf(g: SegmentGroup, i: number): Line {
  const lin = g.head as EdifactSegment;
  const qty = g.segments('QTY').find((q) => q.get(0, 0) === '12');
  const quantity = decimal(qty?.get(0, 1));
  if (!qty || !quantity)
    throw mappingError('line has no despatched quantity (QTY 12)', lin, 'missing-quantity');
  const unit = qty.get(0, 2)?.trim().toUpperCase();
  const known = unit !== undefined && (isUnitCode(unit) || isPackageCode(unit));
  const ref = (q: string) =>
    g
      .groups('RFF')
      .map((r) => r.head as EdifactSegment)
      .find((r) => r.get(0, 0) === q)
      ?.get(0, 1);
  const item = itemOf(lin, g);
  return compact({
    lineNo: Number(lin.get(0)) > 0 ? Number(lin.get(0)) : i + 1,
    itemId: item.id,
    itemIdType: item.type,
    description: descriptionOf(g),
    quantity,
    unit: known ? unit : undefined,
    unitSent: unit && !known ? unit : undefined,
    orderNo: ref('ON'),
    orderLineNo: ref('LI'),
  });
}
