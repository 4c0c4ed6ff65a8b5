import { TradeError } from '../../../core/errors/trade-error';
import { encodable, encodeText, representable, transliterate } from './charset.syntax';
import { serializeSegment, type SegmentDraft } from './edifact.serializer';
import type { EdifactMessage } from './message.model';
import {
  DEFAULT_SEPARATORS,
  formatUna,
  INFORMATION_SEPARATORS,
  withSyntaxVersion,
  type Separators,
} from './separators.syntax';
import { pushAll } from '../../../core/collections';

/** A message to write: its body (the segments between UNH and UNT). */
export interface MessageDraft {
  messageRef: string;
  messageType: string;
  /** 'D.96A' (split into 0052 'D' and 0054 '96A'). */
  version: string;
  agency?: string;
  associationCode?: string;
  segments: readonly SegmentDraft[];
}

/** An interchange to write; UNB, UNH, UNT and UNZ and their counts are generated. */
export interface InterchangeDraft {
  syntaxId: string;
  syntaxVersion: string;
  sender: { id: string; qualifier?: string };
  recipient: { id: string; qualifier?: string };
  /** Preparation time; written as CCYYMMDD for version 4, YYMMDD before (UTC). */
  preparedAt: Date;
  controlRef: string;
  applicationRef?: string;
  testIndicator?: boolean;
  /** Service characters (default ':+.? \'', with '*' as repetition separator from version 4). */
  separators?: Separators;
  /** Write a UNA (default: only when the separators differ from the defaults). */
  una?: boolean;
  /** Written after every segment terminator, e.g. '\r\n' (default none). */
  lineEnding?: string;
  /**
   * A value with characters the syntax level cannot carry (lower case or '@' under UNOA):
   * 'refuse' (default) names the segment and element; 'transliterate', for partners that
   * accept it, upper-cases and spells it in the level's repertoire where that is possible;
   * 'verbatim' for acknowledgements, which echo the partner's own references as sent.
   */
  repertoire?: 'refuse' | 'transliterate' | 'verbatim';
  messages: readonly MessageDraft[];
}

/** Writes a complete interchange as bytes in the encoding of its syntax identifier. */
export function buildInterchange(input: InterchangeDraft): Buffer {
  const draft = fitRepertoire(input);
  const level = levelSeparators(draft);
  const s = withSyntaxVersion(
    draft.separators ?? level,
    draft.syntaxVersion,
    draft.separators !== undefined,
  );
  const v4 = Number(draft.syntaxVersion) >= 4;
  const iso = draft.preparedAt.toISOString();
  const date = (v4 ? iso.slice(0, 4) : iso.slice(2, 4)) + iso.slice(5, 7) + iso.slice(8, 10);
  const unb: SegmentDraft = {
    tag: 'UNB',
    elements: [
      [draft.syntaxId, draft.syntaxVersion],
      [draft.sender.id, draft.sender.qualifier],
      [draft.recipient.id, draft.recipient.qualifier],
      [date, iso.slice(11, 13) + iso.slice(14, 16)],
      draft.controlRef,
      undefined,
      draft.applicationRef,
      undefined,
      undefined,
      undefined,
      draft.testIndicator ? '1' : undefined,
    ],
  };
  const lines = [serializeSegment(unb, s, true)];
  for (const m of draft.messages) pushAll(lines, messageLines(m, s));
  lines.push(
    serializeSegment(
      { tag: 'UNZ', elements: [String(draft.messages.length), draft.controlRef] },
      s,
    ),
  );
  const una = draft.una ?? !sameSeparators(s, withSyntaxVersion(level, draft.syntaxVersion, false));
  return encodeChecked(
    assemble(lines, una ? formatUna(s) : null, draft.lineEnding ?? ''),
    draft.syntaxId,
  );
}

/**
 * Without a UNA, level B uses the information separators IS1-IS4 (ISO 9735-1 annex A), every
 * other level ':+.? \''. A reader tells them apart by the character after UNB.
 */
function levelSeparators(draft: InterchangeDraft): Separators {
  const unoB = draft.syntaxId.toUpperCase() === 'UNOB' && draft.una !== true;
  return unoB ? INFORMATION_SEPARATORS : DEFAULT_SEPARATORS;
}

/** The draft with every data value checked against the syntax level, or transliterated. */
function fitRepertoire(draft: InterchangeDraft): InterchangeDraft {
  if (draft.repertoire === 'verbatim') return draft;
  let index = 1;
  const fit = (value: string | undefined, tag: string, at: string) => {
    if (value === undefined || encodable(value, draft.syntaxId)) return value;
    const spelt =
      draft.repertoire === 'transliterate' ? transliterate(value, draft.syntaxId) : undefined;
    if (spelt !== undefined) return spelt;
    throw new TradeError(
      'mapping',
      `${tag} ${at}: "${value}" holds characters that syntax level ${draft.syntaxId} cannot carry`,
      { stage: 'map', location: { segmentIndex: index, segmentTag: tag }, code: 'repertoire' },
    );
  };
  const messages = draft.messages.map((m) => {
    index++; // UNH
    const segments = m.segments.map((seg) => {
      index++;
      if (isParsed(seg)) return seg;
      const elements = seg.elements.map((e, i) =>
        typeof e === 'string' || e === undefined
          ? fit(e, seg.tag, `element ${i + 1}`)
          : e.map((c, j) => fit(c, seg.tag, `element ${i + 1} component ${j + 1}`)),
      );
      return { ...seg, elements };
    });
    index++; // UNT
    return { ...m, segments };
  });
  return { ...draft, messages };
}

function messageLines(m: MessageDraft, s: Separators): string[] {
  const [versionNo, release] = m.version.includes('.') ? m.version.split('.', 2) : [m.version, ''];
  const unh: SegmentDraft = {
    tag: 'UNH',
    elements: [
      m.messageRef,
      [m.messageType, versionNo, release, m.agency ?? 'UN', m.associationCode],
    ],
  };
  const body = m.segments.map((seg) => serializeSegment(seg, s, !isParsed(seg)));
  const unt: SegmentDraft = { tag: 'UNT', elements: [String(body.length + 2), m.messageRef] };
  return [serializeSegment(unh, s, true), ...body, serializeSegment(unt, s)];
}

/**
 * Writes parsed messages back: the original UNB, UNG, UNH..UNT segments, with UNE and UNZ
 * regenerated (counts computed). Reproduces the input byte for byte when its counts were right,
 * given the same line ending.
 */
export function serializeMessages(
  messages: readonly EdifactMessage[],
  opts: { lineEnding?: string } = {},
): Buffer {
  const chunks: Buffer[] = [];
  let i = 0;
  while (i < messages.length) {
    const header = messages[i].interchange;
    let j = i;
    while (j < messages.length && messages[j].interchange === header) j++;
    chunks.push(interchangeBytes(messages.slice(i, j), opts.lineEnding ?? ''));
    i = j;
  }
  return Buffer.concat(chunks);
}

function interchangeBytes(messages: readonly EdifactMessage[], lineEnding: string): Buffer {
  const header = messages[0].interchange;
  const s = header?.separators ?? DEFAULT_SEPARATORS;
  const lines: string[] = header ? [serializeSegment(header.unb, s)] : [];
  let groups = 0;
  for (let k = 0; k < messages.length; k++) {
    const group = messages[k].group;
    if (group && messages[k - 1]?.group !== group) {
      groups++;
      lines.push(serializeSegment(group.ung, s));
    }
    for (const seg of messages[k].segments) lines.push(serializeSegment(seg, s));
    if (group && messages[k + 1]?.group !== group) {
      const count = messages.filter((m) => m.group === group).length;
      lines.push(serializeSegment({ tag: 'UNE', elements: [String(count), group.controlRef] }, s));
    }
  }
  if (header) {
    const count = String(groups || messages.length);
    lines.push(serializeSegment({ tag: 'UNZ', elements: [count, header.controlRef] }, s));
  }
  return encodeChecked(
    assemble(lines, header?.una ? formatUna(s) : null, lineEnding),
    header?.syntaxId ?? 'UNOW',
  );
}

function assemble(lines: string[], una: string | null, lineEnding: string): string {
  const all = una === null ? lines : [una, ...lines];
  return all.join(lineEnding) + lineEnding;
}

// Bytes only: the repertoire is checked value by value (fitRepertoire), while envelope values
// (identifiers from partner records, echoed references) are written as configured.
function encodeChecked(text: string, syntaxId: string): Buffer {
  if (!representable(text, syntaxId)) {
    throw new TradeError('mapping', `text holds characters that syntax ${syntaxId} cannot carry`, {
      stage: 'map',
    });
  }
  return encodeText(text, syntaxId);
}

const isParsed = (seg: SegmentDraft): boolean => 'index' in seg;

const sameSeparators = (a: Separators, b: Separators): boolean =>
  a.component === b.component &&
  a.element === b.element &&
  a.decimal === b.decimal &&
  a.release === b.release &&
  a.repetition === b.repetition &&
  a.segment === b.segment;
