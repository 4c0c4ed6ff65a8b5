import type { CompletenessRule } from '../sftp-settings.schema';
import { edifactComplete, edifactEnds } from './edifact-unz.check';
import { x12Complete, x12Ends } from './x12-iea.check';
import { xmlComplete } from './xml-wellformed.check';

const BY_CONTENT: Partial<Record<CompletenessRule, (body: Buffer) => boolean>> = {
  'edifact-unz': edifactComplete,
  'x12-iea': x12Complete,
  'xml-wellformed': xmlComplete,
};

// The end marker alone: an upload that stopped has none, a finished but faulty file has one.
const ENDS: Partial<Record<CompletenessRule, (body: Buffer) => boolean>> = {
  'edifact-unz': edifactEnds,
  'x12-iea': x12Ends,
  'xml-wellformed': (body) => body.toString('latin1').trimEnd().endsWith('>'),
};

/** Content rules judge the bytes; 'done-file' and 'stable-size' are decided before reading. */
export function contentComplete(rule: CompletenessRule, body: Buffer): boolean {
  const check = BY_CONTENT[rule];
  return check ? check(body) : true;
}

/**
 * True when the content carries its end marker (UNZ, IEA, a closing tag) even if the marker
 * does not match its header: such a file, once settled, is finished and taken, and the parser
 * says what is wrong with it.
 */
export function contentEnds(rule: CompletenessRule, body: Buffer): boolean {
  const check = ENDS[rule];
  return check ? check(body) : true;
}
