import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import { containerCheckDigit, isValidContainerNo } from '../../core/model/values/container-no';
import { UN_LOCODE_PATTERN, type Location } from '../../core/model/values/location.schema';
import type { EdifactSegment } from '../codecs/edifact';
import { mappingError } from './mapping-error';
import { ownEntry } from '../../core/collections';

type Conveyance = NonNullable<NonNullable<ShipmentEvent['transportCall']>['conveyance']>;
type DocumentReference = NonNullable<ShipmentEvent['references']>[number];

/**
 * LOC C517 as a UN/LOCODE location ('CNSHA', also written 'CN SHA'); the terminal or depot
 * from C519 as facilityCode (at most 16 characters, not a country). Undefined (with a warning) when the place is not a UN/LOCODE.
 */
export function readLocation(loc: EdifactSegment, warnings: string[]): Location | undefined {
  const raw = loc.get(1, 0);
  const code = raw?.replace(/\s+/g, '').toUpperCase();
  if (!code || !UN_LOCODE_PATTERN.test(code)) {
    warnings.push(
      `segment ${loc.index} LOC ${loc.get(0) ?? ''}: "${raw ?? ''}" is not a UN/LOCODE, place left out`,
    );
    return undefined;
  }
  const name = loc.get(1, 3)?.trim();
  // C519 names a terminal or depot; some senders put the country there (1131 162): not a facility.
  const related = loc.get(2, 0)?.trim();
  const facility = loc.get(2, 1) === '162' || related === code.slice(0, 2) ? undefined : related;
  return {
    unLocode: code,
    ...(name ? { name } : {}),
    ...(facility && facility.length <= 16 ? { facilityCode: facility } : {}),
  };
}

/** The first LOC with one of the qualifiers (in the order given) that is a UN/LOCODE. */
export function locationByQualifier(
  locs: readonly EdifactSegment[],
  qualifiers: readonly string[],
  warnings: string[],
): Location | undefined {
  for (const q of qualifiers) {
    const loc = locs.find((l) => l.get(0) === q);
    if (loc) return readLocation(loc, warnings);
  }
  return undefined;
}

// UNCL 8067 mode of transport; 8 inland water counts as SEA for the canonical model.
const MODES: Record<string, Conveyance['mode']> = {
  '1': 'SEA', '2': 'RAIL', '3': 'ROAD', '4': 'AIR', '5': 'POST', '6': 'MULTIMODAL', '8': 'SEA',
}; // prettier-ignore

/**
 * TDT as a conveyance: 8028 voyage, C220 mode, C040 carrier, C222 vessel (8213 IMO when seven
 * digits and not a call sign (1131 103), 8212 name). Main carriage (8051 20) without a mode is sea.
 */
export function readConveyance(tdt: EdifactSegment): Conveyance {
  const mode = MODES[tdt.get(2) ?? ''] ?? (tdt.get(0) === '20' ? 'SEA' : 'MULTIMODAL');
  const id = tdt.get(7, 0);
  const imo = id && /^\d{7}$/.test(id) && tdt.get(7, 1) !== '103' ? id : undefined;
  const name = tdt.get(7, 3)?.trim();
  return {
    mode,
    ...(mode === 'SEA' && name ? { vesselName: name } : {}),
    ...(imo ? { vesselImo: imo } : {}),
    ...(tdt.get(1) ? { voyageNo: tdt.get(1) } : {}),
    ...(tdt.get(4, 0) ? { carrierCode: tdt.get(4, 0) } : {}),
  };
}

/**
 * An ISO 6346 container number from a segment value. A wrong check digit is kept with a
 * warning on the message when `warnings` is given (carriers do send such numbers, and the
 * box's event matters more than the typo), else it is a located error. Another shape is an
 * error either way.
 */
export function readContainerNo(value: string, at: EdifactSegment, warnings?: string[]): string {
  const no = value.replace(/[\s-]/g, '').toUpperCase();
  if (isValidContainerNo(no)) return no;
  if (/^[A-Z]{4}\d{7}$/.test(no) && /^[A-Z]{3}[UJZ]/.test(no)) {
    const expected = containerCheckDigit(no.slice(0, 10));
    if (warnings) {
      warnings.push(
        `segment ${at.index} ${at.tag}: container number ${no} fails the ISO 6346 check digit (expected ${expected}), kept as sent`,
      );
      return no;
    }
    throw mappingError(
      `container number ${no} fails the ISO 6346 check digit (expected ${expected})`,
      at,
      'container-check-digit',
    );
  }
  throw mappingError(`"${value}" is not an ISO 6346 container number`, at, 'container-number');
}

/** EQD+CN: the container number (C237 8260) if given, validated (see readContainerNo). */
export function readEquipmentNo(eqd: EdifactSegment, warnings?: string[]): string | undefined {
  const value = eqd.get(1, 0);
  return value === undefined ? undefined : readContainerNo(value, eqd, warnings);
}

/** EQD C224 8155 when it is a 4-character ISO size-type code such as 45G1. */
export function readSizeType(eqd: EdifactSegment): string | undefined {
  const code = eqd.get(2, 0)?.toUpperCase();
  return code && /^[0-9A-Z]{4}$/.test(code) ? code : undefined;
}

/** EQD 8169 full/empty indicator: 4 empty; 5, 7, 8 full. */
export function readFullEmpty(eqd: EdifactSegment): 'EMPTY' | 'LADEN' | undefined {
  const code = eqd.get(5);
  if (code === '4') return 'EMPTY';
  return code === '5' || code === '7' || code === '8' ? 'LADEN' : undefined;
}

/** References sorted by meaning: BN booking, BM B/L, EQ/AAQ container, the rest kept by qualifier. */
export interface References {
  bookingNo?: string;
  blNo?: string;
  containerNos: string[];
  others: DocumentReference[];
}

// UNCL 1153 qualifiers the canonical model names differently.
const RENAMED: Record<string, string> = { ON: 'PO' };

export function readReferences(rffs: readonly EdifactSegment[], warnings?: string[]): References {
  const refs: References = { containerNos: [], others: [] };
  for (const rff of rffs) {
    const q = rff.get(0, 0);
    const value = rff.get(0, 1)?.trim();
    if (!q || !value) continue;
    // The first booking and B/L fill their fields; further ones stay under references (BN,
    // BM) so the event is attached to every shipment it names (ADR 0012).
    if (q === 'BN' && refs.bookingNo === undefined) refs.bookingNo = value;
    else if (q === 'BM' && refs.blNo === undefined) refs.blNo = value;
    else if ((q === 'BN' && refs.bookingNo === value) || (q === 'BM' && refs.blNo === value))
      continue;
    else if (q === 'EQ' || q === 'AAQ')
      refs.containerNos.push(readContainerNo(value, rff, warnings));
    else {
      const type = ownEntry(RENAMED, q) ?? q;
      if (!refs.others.some((r) => r.type === type && r.value === value))
        refs.others.push({ type, value });
    }
  }
  return refs;
}

/**
 * FTX C108 texts: each segment a line. Components (4440, an..70) are joined with a space, or
 * without one after a component of the full 70 characters (a hard wrap inside a word).
 */
export function readFreeText(ftxs: readonly EdifactSegment[]): string | undefined {
  const lines = ftxs.map((f) => joinChunks(f.element(3))).filter((t) => t !== '');
  return lines.length ? lines.join('\n') : undefined;
}

function joinChunks(parts: readonly string[]): string {
  let out = '';
  let previous = '';
  for (const part of parts) {
    if (part === '') continue;
    out += out === '' || previous.length >= 70 ? part : ` ${part.trimStart()}`;
    previous = part;
  }
  return out.trim();
}
