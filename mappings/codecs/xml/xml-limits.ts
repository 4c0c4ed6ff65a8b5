/**
 * Resource limits applied to every XML input before and while it is parsed. The defaults fit
 * trade messages (a camt.053 of a busy account, a CEB summary declaration) with a wide margin
 * and stop inputs built to exhaust memory or CPU.
 */
export interface XmlLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Deepest element nesting (the root is depth 1). ISO 20022 needs about 15, CEB 5. */
  maxDepth: number;
  /** Most elements in one document. */
  maxElements: number;
  /** Most attributes on one element (namespace declarations count). */
  maxAttributes: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 2_000_000,
  maxAttributes: 64,
});

export function resolveLimits(limits?: Partial<XmlLimits>): XmlLimits {
  return { ...DEFAULT_XML_LIMITS, ...limits };
}
