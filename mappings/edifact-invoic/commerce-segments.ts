import type { Party } from '../../core/model/values/party.schema';
import type { EdifactMessage, EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { readParty } from '../carrier-edifact/party.reader';

/** Readers the commerce messages (INVOIC, ORDERS) share. */

/** A decimal as the model writes it: a comma decimal mark becomes a point. */
export const decimal = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim().replace(',', '.');

/**
 * The party of the first NAD (SG2) whose 3035 role is in `roles`, in the order given. A
 * message a lenient parse could not place in its structure has a flat tree: its NADs are
 * read at the top level.
 */
export function partyByRole(root: SegmentGroup, roles: readonly string[]): Party | undefined {
  const nads = [
    ...root.groups('NAD').flatMap((g) => (g.head ? [g.head] : [])),
    ...root.segments('NAD'),
  ];
  const nad = roles.map((r) => nads.find((n) => n.get(0) === r)).find(Boolean);
  return nad && readParty(nad);
}

/** Message-level RFF (SG1) values of one qualifier. */
export function refsOf(root: SegmentGroup, qualifier: string): string[] {
  return root.groups('RFF').flatMap((g) => {
    const value = g.head?.get(0, 1);
    return g.head?.get(0, 0) === qualifier && value ? [value] : [];
  });
}

/** LIN C212 7140 (item id) and 7143 (its type: EN GTIN, SA supplier's, IN buyer's ...). */
export function itemOf(lin: EdifactSegment, g: SegmentGroup): { id?: string; type?: string } {
  const id = lin.get(2, 0) ?? g.segment('PIA')?.get(1, 0);
  const type = lin.get(2, 0) ? lin.get(2, 1) : g.segment('PIA')?.get(1, 1);
  return { ...(id ? { id } : {}), ...(type ? { type } : {}) };
}

/** IMD C273 7008 item description, the first that says something. */
export const descriptionOf = (g: SegmentGroup): string | undefined =>
  g
    .segments('IMD')
    .map((d) => d.get(2, 3)?.trim())
    .find(Boolean);

/** The BGM and its 1004 document number, or a located refusal naming what is missing. */
export function documentNumber(m: EdifactMessage, what: string): [EdifactSegment, string] {
  const bgm = m.tree.segment('BGM');
  if (!bgm) throw mappingError(`${m.messageType} has no BGM`, m.segments[0], 'missing-bgm');
  const no = bgm.get(1, 0);
  if (!no) throw mappingError(`BGM names no ${what} number (1004)`, bgm, 'missing-number');
  return [bgm, no];
}

/** The first message-level DTM of the qualifiers, in that order of preference, as ISO 8601. */
export function firstDtm(
  root: SegmentGroup,
  qualifiers: string[],
  zone: string,
  lenient?: string[],
) {
  const d = qualifiers
    .map((q) => root.segments('DTM').find((x) => x.get(0, 0) === q))
    .find(Boolean);
  return d && readDtm(d, zone, lenient).iso;
}
