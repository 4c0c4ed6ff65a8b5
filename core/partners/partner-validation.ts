import { jsonPath, type FieldIssue } from '../connector/transport-validation';
import { TradeError } from '../errors/trade-error';
import { PartnerRecordSchema, type PartnerRecord } from './partner.schema';

/** Checks a parsed record against its connector (the gateway passes the connector catalog's). */
export type PartnerCheck = (partner: PartnerRecord) => FieldIssue[];

/** A partner record refused, with every bad field by JSON path. */
export class InvalidPartnerError extends TradeError {
  constructor(
    readonly issues: FieldIssue[],
    readonly file?: string,
  ) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super('config', `invalid partner record${file ? ` in ${file}` : ''}: ${list}`, {
      code: 'invalid-partner',
    });
  }
}

/** The record through the common schema, then through its connector's schemas. */
export function validatePartner(
  record: unknown,
  check: PartnerCheck,
  file?: string,
): PartnerRecord {
  const parsed = PartnerRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
    throw new InvalidPartnerError(issues, file);
  }
  const issues = check(parsed.data);
  if (issues.length > 0) throw new InvalidPartnerError(issues, file);
  return parsed.data;
}
