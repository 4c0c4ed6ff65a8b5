import type { DecodedMessage } from '../../core/translation/contract';
import { element, type X12Message, type X12Segment } from '../codecs/x12';
import {
  codesFrom as codes,
  type FunctionalAckResult,
  type FunctionalAckSegmentError,
  type FunctionalAckSetResult,
} from '../x12-warehouse/x12-997.reader';
import { mappingError, optional, required } from '../x12-warehouse/x12-read.helpers';

const ACCEPTED = ['A', 'E'];

/**
 * Reads a partner's 999 (implementation acknowledgement, 005010): the 997's AK1/AK2/AK9 with
 * IK3 (segment), IK4 (element) and IK5 (set) in place of AK3/AK4/AK5, read into the 997's
 * result shape so both settle our messages alike. The codec knows no 999 loops: the segments
 * are walked in order.
 */
export function readImplementationAck(message: DecodedMessage<X12Message>): FunctionalAckResult {
  const { set } = message.tree;
  const segs = set.body.filter((n): n is X12Segment => 'tag' in n);
  const ak1 = segs.find((s) => s.tag === 'AK1');
  const ak9 = segs.find((s) => s.tag === 'AK9');
  if (!ak1 || !ak9) throw mappingError(set.st, '999 needs AK1 and AK9', 'X12_MISSING_SEGMENT');
  const sets: FunctionalAckSetResult[] = [];
  let errors: FunctionalAckSegmentError[] = [];
  for (const s of segs) {
    if (s.tag === 'AK2') {
      errors = [];
      sets.push({
        setId: required(s, 1, 'transaction set id'),
        controlNumber: required(s, 2, 'transaction set control number'),
        code: '',
        accepted: false,
        errorCodes: [],
        segmentErrors: errors,
      });
    } else if (s.tag === 'IK3') {
      errors.push({
        segmentId: required(s, 1, 'segment id in error'),
        position: Number(required(s, 2, 'segment position in set')),
        ...(optional(s, 4) ? { code: optional(s, 4) } : {}),
        elements: [],
      });
    } else if (s.tag === 'IK4' && errors.length) {
      errors[errors.length - 1].elements.push({
        position: element(s, 1),
        ...(optional(s, 2) ? { elementRef: optional(s, 2) } : {}),
        code: required(s, 3, 'element syntax error code'),
      });
    } else if (s.tag === 'IK5' && sets.length) {
      const last = sets[sets.length - 1];
      last.code = required(s, 1, 'transaction set acknowledgment code');
      last.accepted = ACCEPTED.includes(last.code);
      last.errorCodes = codes(s, 2, 6);
    }
  }
  const code = required(ak9, 1, 'functional group acknowledge code');
  return {
    functionalId: required(ak1, 1, 'functional identifier code'),
    groupControlNumber: required(ak1, 2, 'group control number'),
    code,
    accepted: ACCEPTED.includes(code),
    setsIncluded: Number(required(ak9, 2, 'number of transaction sets included')),
    setsReceived: Number(required(ak9, 3, 'number of received transaction sets')),
    setsAccepted: Number(required(ak9, 4, 'number of accepted transaction sets')),
    errorCodes: codes(ak9, 5, 9),
    setResults: sets,
  };
}
