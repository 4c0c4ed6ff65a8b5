import { TradeError } from '../../core/errors/trade-error';
import type { DecodedMessage } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment } from '../codecs/edifact';

/** What a partner's APERAK (application error and acknowledgement) says about our message. */
export interface AperakResult {
  /** The message it answers: RFF ACW (previous message), else AAO/AGO/DM/ON, else the first RFF. */
  answersRef: string;
  /** The qualifier that gave answersRef. */
  refQualifier: string;
  /** BGM 1225 message function and 4343 response type, as sent. */
  function?: string;
  responseType?: string;
  accepted: boolean;
  /** ERC 9321 application error codes, each with the FTX text after it. */
  errors: Array<{ code: string; text?: string }>;
}

// 4343: AP accepted, CA conditionally accepted; RE rejected. 1225 when 4343 is absent:
// 27 not accepted; anything else (9 original, 29 accepted without amendment ...) accepts.
const REJECTING_RESPONSES = ['RE'];
const REJECTING_FUNCTIONS = ['27'];
const REF_QUALIFIERS = ['ACW', 'AAO', 'AGO', 'DM', 'ON'];

function located(message: string, at: EdifactSegment | undefined): TradeError {
  return new TradeError('mapping', message, {
    stage: 'map',
    code: 'APERAK_INCOMPLETE',
    ...(at ? { location: at.location() } : {}),
  });
}

/**
 * Reads one APERAK. An ERC without a rejecting BGM is reported but does not reject: partners
 * send ERC codes for information on accepted messages too.
 */
export function readAperak(message: DecodedMessage<EdifactMessage>): AperakResult {
  const m = message.tree;
  const all = m.segments;
  const bgm = all.find((s) => s.tag === 'BGM');
  const rffs = all.filter((s) => s.tag === 'RFF' && s.get(0, 1));
  const ref =
    REF_QUALIFIERS.map((q) => rffs.find((r) => r.get(0, 0) === q)).find(Boolean) ?? rffs[0];
  if (!ref) throw located('APERAK names no message it answers (RFF)', bgm ?? all[0]);
  const fn = bgm?.get(2);
  const response = bgm?.get(3);
  const errors: AperakResult['errors'] = [];
  all.forEach((s, i) => {
    if (s.tag !== 'ERC' || !s.get(0, 0)) return;
    const ftx = all[i + 1]?.tag === 'FTX' ? all[i + 1].element(3).join(' ').trim() : undefined;
    errors.push({ code: s.get(0, 0)!, ...(ftx ? { text: ftx } : {}) });
  });
  const rejected =
    response !== undefined
      ? REJECTING_RESPONSES.includes(response)
      : REJECTING_FUNCTIONS.includes(fn ?? '');
  return {
    answersRef: ref.get(0, 1)!.trim(),
    refQualifier: ref.get(0, 0)!,
    ...(fn ? { function: fn } : {}),
    ...(response ? { responseType: response } : {}),
    accepted: !rejected,
    errors,
  };
}
