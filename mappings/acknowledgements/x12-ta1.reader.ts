import { TradeError } from '../../core/errors/trade-error';
import type { DecodedMessage } from '../../core/translation/contract';
import type { X12Message } from '../codecs/x12';

/** What a TA1 says about one of our interchanges. */
export interface Ta1Result {
  /** TA101: the ISA13 of the interchange it answers. */
  interchangeControlNumber: string;
  /** TA102/TA103: when that interchange was prepared, as it was sent (YYMMDD, HHMM). */
  interchangeDate: string;
  interchangeTime: string;
  /** TA104: A accepted, E accepted with errors noted, R rejected. */
  code: string;
  accepted: boolean;
  /** TA105 interchange note code (element I18): 000 no error, 001-031 the envelope fault. */
  noteCode: string;
}

// TA105 codes (X12 element I18) the partner uses to say what was wrong with our envelope.
const NOTES: Record<string, string> = {
  '001': 'control numbers in ISA and IEA do not match',
  '002': 'standard in ISA11 not supported',
  '003': 'version of the controls not supported',
  '006': 'invalid sender id qualifier',
  '007': 'invalid sender id',
  '008': 'invalid receiver id qualifier',
  '009': 'unknown receiver id',
  '018': 'invalid interchange control number',
  '021': 'invalid number of included groups',
  '022': 'invalid control structure',
  '023': 'improper (premature) end of file',
  '024': 'invalid interchange content',
  '025': 'duplicate interchange control number',
};

/** The note as text for operators: code and meaning when the code is known. */
export function ta1Note(code: string): string {
  return Object.hasOwn(NOTES, code) ? `${code} ${NOTES[code]}` : code;
}

/** Reads a TA1 (decoded as a message of its own by the X12 codec); located error when incomplete. */
export function readTa1(message: DecodedMessage<X12Message>): Ta1Result {
  const ta1 = message.tree.set.st;
  const [number, date, time, code, note] = ta1.elements.map((e) => e.trim());
  if (!number || !/^[AER]$/.test(code ?? '')) {
    throw new TradeError('mapping', 'TA1 needs TA101 (control number) and TA104 A, E or R', {
      stage: 'map',
      location: { segmentIndex: ta1.ordinal, segmentTag: 'TA1', offset: ta1.offset },
      code: 'TA1_INCOMPLETE',
    });
  }
  return {
    interchangeControlNumber: number,
    interchangeDate: date ?? '',
    interchangeTime: time ?? '',
    code,
    accepted: code !== 'R',
    noteCode: note ?? '',
  };
}
