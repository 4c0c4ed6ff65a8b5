import type { z } from 'zod';
import { TradeError, type Stage } from '../../../core/errors/trade-error';
import type { PollResult } from '../../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';

// Parsed settings per schema and transport object: a webhook verifier reads them on every
// request. Partner records are replaced, never changed in place, so an entry cannot go stale.
const parsedSettings = new WeakMap<z.ZodType, WeakMap<PartnerTransport, unknown>>();

/** A partner's transport settings through the connector's schema; a bad one is a config error. */
export function parseTransportSettings<S extends z.ZodType>(
  schema: S,
  raw: PartnerTransport,
  partner: PartnerRecord,
  stage: Stage,
): z.infer<S> {
  let bySchema = parsedSettings.get(schema);
  if (!bySchema) parsedSettings.set(schema, (bySchema = new WeakMap()));
  if (bySchema.has(raw)) return bySchema.get(raw) as z.infer<S>;
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    bySchema.set(raw, parsed.data);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  throw new TradeError(
    'config',
    `partner ${partner.id}: bad ${raw.kind} settings at ${issue?.path.join('.') || '/'}: ${issue?.message}`,
    { stage },
  );
}

/**
 * Pollers fail soft: a partner that cannot be reached (after the in-call retries) leaves the
 * cursor where it is and the round ends with the item deferred, carrying the error for the
 * transport's state (partner health); what was stored stays stored.
 * A configuration or content error is thrown for operators to see.
 */
export function softFail(err: unknown, received: number, deferred = 1): PollResult {
  const error = TradeError.from(err, 'internal', 'receive');
  if (error.kind === 'transient') return { received, deferred, error };
  throw error;
}
