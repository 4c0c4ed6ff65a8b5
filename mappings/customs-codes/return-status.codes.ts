import { unknownCode } from './code-error';

export type ReturnOutcome =
  | 'PROCESSING'
  | 'ENTERED'
  | 'REVIEW'
  | 'INSPECTION'
  | 'DETAINED'
  | 'RELEASED'
  | 'CLOSED'
  | 'RETURNED'
  | 'REJECTED'
  | 'ERROR';

/** CEB receipt `returnStatus` codes (primer §1.2): meaning and canonical outcome. */
export const RETURN_STATUSES: Readonly<Record<string, readonly [string, ReturnOutcome]>> = {
  '1': ['staged at E-Port', 'PROCESSING'],
  '2': ['declaring at E-Port', 'PROCESSING'],
  '3': ['sent to customs', 'PROCESSING'],
  '4': ['sending to customs failed', 'ERROR'],
  '100': ['customs rejected', 'REJECTED'],
  '120': ['entered customs database', 'ENTERED'],
  '300': ['manual review', 'REVIEW'],
  '399': ['review concluded', 'REVIEW'],
  '500': ['inspection', 'INSPECTION'],
  '501': ['detained for clearance', 'DETAINED'],
  '502': ['detained by anti-smuggling', 'DETAINED'],
  '503': ['detained for legal action', 'DETAINED'],
  '599': ['detained (other)', 'DETAINED'],
  '700': ['returned', 'RETURNED'],
  '800': ['released', 'RELEASED'],
  '899': ['closed', 'CLOSED'],
};

/**
 * Meaning and outcome of a returnStatus. Negative codes are E-Port processing errors (their
 * text is in returnInfo). Other channels use codes of their own (the official CEB624 and CEB712
 * samples return 23 and 18): an unlisted number is kept as PROCESSING with `listed` false, so
 * the receipt is recorded and an operator warned, never dropped. A value that is not a number
 * is a mapping error naming the field.
 */
export function returnStatusOf(
  code: string,
  field = 'returnStatus',
  xpath?: string,
): { meaning: string; outcome: ReturnOutcome; listed: boolean } {
  const value = code.trim();
  if (!/^-?\d+$/.test(value)) throw unknownCode('CEB return status', field, code, xpath);
  if (value.startsWith('-')) return { meaning: 'processing error', outcome: 'ERROR', listed: true };
  const known = RETURN_STATUSES[value];
  if (!known)
    return {
      meaning: `status ${value} (not in the CEB table)`,
      outcome: 'PROCESSING',
      listed: false,
    };
  return { meaning: known[0], outcome: known[1], listed: true };
}
