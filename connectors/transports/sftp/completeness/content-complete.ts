import type { CompletenessRule } from '../sftp-settings.schema';
import { edifactComplete } from './edifact-unz.check';
import { x12Complete } from './x12-iea.check';
import { xmlComplete } from './xml-wellformed.check';

const BY_CONTENT: Partial<Record<CompletenessRule, (body: Buffer) => boolean>> = {
  'edifact-unz': edifactComplete,
  'x12-iea': x12Complete,
  'xml-wellformed': xmlComplete,
};

/** Content rules judge the bytes; 'done-file' and 'stable-size' are decided before reading. */
export function contentComplete(rule: CompletenessRule, body: Buffer): boolean {
  const check = BY_CONTENT[rule];
  return check ? check(body) : true;
}
