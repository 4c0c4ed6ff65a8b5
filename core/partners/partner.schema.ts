import { z } from 'zod';

/** How an identifier is known: EDI ids with qualifier, BIC, customs code, shop id, seller id ... */
export const PartnerIdentifierSchema = z.object({
  scheme: z.string().min(1),
  value: z.string().min(1),
  qualifier: z.string().optional(),
});

/** A message format the partner speaks, and the mapping that turns it canonical. */
export const PartnerFormatSchema = z.object({
  format: z.string().min(1),
  messageType: z.string().min(1),
  version: z.string().optional(),
  direction: z.enum(['in', 'out', 'both']).default('in'),
  /** Mapping id; when absent, the registry's default mapping for the format and message type. */
  mapping: z.string().optional(),
  /** Partner-specific mapping settings: code lists, qualifiers, defaults. */
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** A transport and its settings. Secret-named settings are encrypted at rest. */
export const PartnerTransportSchema = z
  .object({
    kind: z.string().min(1),
    direction: z.enum(['in', 'out', 'both']).default('both'),
  })
  .catchall(z.unknown());

/** Attributes messages naming one of these identifiers to a client. */
export const ClientRuleSchema = z.object({
  scheme: z.string().min(1),
  value: z.string().min(1),
  clientId: z.string().min(1),
});

export const PartnerRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase id of letters, digits and -'),
  name: z.string().min(1),
  kind: z.enum(['carrier', 'bank', 'customs', 'warehouse', 'marketplace', 'insurer', 'generic']),
  connector: z.string().min(1),
  enabled: z.boolean().default(true),
  /** The client a partner dedicated to one client belongs to. */
  clientId: z.string().optional(),
  /**
   * The clients this partner may speak for (`'*'`: any, e.g. a carrier serving every client).
   * Content only chooses among them; a message naming another client is refused. Absent: any,
   * as records written before this field behave.
   */
  clients: z.array(z.string().min(1)).optional(),
  identifiers: z.array(PartnerIdentifierSchema).default([]),
  formats: z.array(PartnerFormatSchema).default([]),
  transports: z.array(PartnerTransportSchema).default([]),
  clientRules: z.array(ClientRuleSchema).default([]),
  settings: z
    .object({
      /**
       * Envelope checks: 'lenient' turns EDIFACT control counts and references (and a missing
       * UNZ) and X12 control numbers into warnings, as `tradehub translate --lenient` does, and
       * lets mappings read recoverable deviations with a warning (`MappingContext.checks`).
       * Syntax errors still fail.
       */
      checks: z.enum(['strict', 'lenient']).optional(),
    })
    .catchall(z.unknown())
    .default({}),
});

export type PartnerRecord = z.infer<typeof PartnerRecordSchema>;
export type PartnerFormat = z.infer<typeof PartnerFormatSchema>;
export type PartnerTransport = z.infer<typeof PartnerTransportSchema>;

export const ClientRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase id of letters, digits and -'),
  name: z.string().min(1),
  uscc: z.string().optional(),
  customsCode: z.string().optional(),
  identifiers: z
    .array(z.object({ scheme: z.string().min(1), value: z.string().min(1) }))
    .default([]),
});
export type ClientRecord = z.infer<typeof ClientRecordSchema>;
