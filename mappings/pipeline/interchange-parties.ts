import type { DecodedMessage } from '../../core/translation/contract';

/** A partner identifier as the partner record holds it. */
export interface PartyIdentifier {
  scheme: string;
  value: string;
  qualifier?: string;
}

/** An envelope party the partner record does not know, with what it says instead. */
export interface PartyMismatch {
  role: 'sender' | 'recipient';
  /** The envelope field: 'UNB', 'ISA', 'GS', 'BIC', 'DXP'. */
  scheme: string;
  found: string;
  expected: string[];
  /** What the CONTRL reports (ISO 9735 0085): 23 unknown sender, 7 not the actual recipient. */
  syntaxCode: '23' | '7';
}

interface Party {
  scheme: string;
  id?: string;
  qualifier?: string;
}

/** The parties an envelope names, by the identifier scheme a partner record uses for them. */
function partiesOf(message: DecodedMessage): { sender: Party[]; recipient: Party[] } {
  const ic = message.interchange ?? {};
  const format = message.detection.format;
  const sender = (scheme: string): Party => ({
    scheme,
    id: ic.senderId,
    qualifier: ic.senderQualifier,
  });
  const recipient = (scheme: string): Party => ({
    scheme,
    id: ic.recipientId,
    qualifier: ic.recipientQualifier,
  });
  switch (format) {
    case 'edifact':
      return { sender: [sender('UNB')], recipient: [recipient('UNB')] };
    case 'x12': {
      const group = (message.tree as { group?: { senderCode?: string; receiverCode?: string } })
        .group;
      return {
        sender: [sender('ISA'), { scheme: 'GS', id: group?.senderCode }],
        recipient: [recipient('ISA'), { scheme: 'GS', id: group?.receiverCode }],
      };
    }
    case 'swift-mt':
    case 'iso20022':
      return { sender: [sender('BIC')], recipient: [] };
    case 'cn-customs':
      return { sender: [sender('DXP')], recipient: [] };
    case 'xml':
    case 'json':
      // No envelope party beyond the transport's own authentication (webhook signature,
      // login); the namespace decides the format, not the sender.
      return { sender: [], recipient: [] };
  }
}

// A BIC names an institution (8) or a branch (11); an MT logical terminal is BIC8 + terminal
// letter + branch (12). The terminal letter is not the partner's identity.
function sameParty(scheme: string, found: string, expected: string): boolean {
  const f = found.trim().toUpperCase();
  const e = expected.trim().toUpperCase();
  if (scheme !== 'BIC') return f === e;
  const bic = f.length === 12 ? f.slice(0, 8) + f.slice(9) : f;
  return e.length === 8
    ? bic.slice(0, 8) === e
    : bic === e || (bic.endsWith('XXX') && bic.slice(0, 8) === e);
}

function check(
  role: PartyMismatch['role'],
  party: Party,
  known: readonly PartyIdentifier[],
): PartyMismatch | undefined {
  const mine = known.filter((k) => k.scheme.toUpperCase() === party.scheme);
  // Nothing to compare with: a partner record without ids of this scheme, or an envelope
  // without the field (bare SWIFT block 4) is not checked.
  if (mine.length === 0 || !party.id) return undefined;
  const matches = mine.some(
    (k) =>
      sameParty(party.scheme, party.id!, k.value) &&
      (!k.qualifier || !party.qualifier || k.qualifier.trim() === party.qualifier.trim()),
  );
  if (matches) return undefined;
  const show = (id: string, q?: string) => (q ? `${id}:${q}` : id);
  return {
    role,
    scheme: party.scheme,
    found: show(party.id.trim(), party.qualifier?.trim()),
    expected: mine.map((k) => show(k.value, k.qualifier)),
    syntaxCode: role === 'sender' ? '23' : '7',
  };
}

/**
 * The first envelope party of a decoded message that is not who the partner record says:
 * the sender must be one of the partner's identifiers, the recipient one of ours (`ours`,
 * read from the partner's format settings). Pure: the normalizer fails the message with it.
 */
export function mismatchedParty(
  message: DecodedMessage,
  partner: readonly PartyIdentifier[],
  ours: readonly PartyIdentifier[],
): PartyMismatch | undefined {
  const { sender, recipient } = partiesOf(message);
  for (const party of sender) {
    const mismatch = check('sender', party, partner);
    if (mismatch) return mismatch;
  }
  for (const party of recipient) {
    const mismatch = check('recipient', party, ours);
    if (mismatch) return mismatch;
  }
  return undefined;
}

/** The issue text an operator reads. */
export function describeMismatch(m: PartyMismatch, partnerId: string): string {
  const expected = m.expected.join(' or ');
  return m.role === 'sender'
    ? `interchange sender ${m.found} (${m.scheme}) is not partner ${partnerId} (${expected}): not taken as theirs`
    : `interchange recipient ${m.found} (${m.scheme}) is not TradeHub as partner ${partnerId} knows it (${expected})`;
}

/**
 * TradeHub's own ids as a partner's format settings write them for outbound envelopes
 * (EDIFACT `senderId`/`senderQualifier`, X12 `interchange.sender` and `group.senderCode`).
 */
export function ourIdentifiers(settings: readonly Record<string, unknown>[]): PartyIdentifier[] {
  const out: PartyIdentifier[] = [];
  for (const s of settings) {
    if (typeof s.senderId === 'string') {
      const qualifier = typeof s.senderQualifier === 'string' ? s.senderQualifier : undefined;
      out.push({ scheme: 'UNB', value: s.senderId, qualifier });
    }
    const x12 = s.interchange as { sender?: { id?: unknown; qualifier?: unknown } } | undefined;
    if (typeof x12?.sender?.id === 'string') {
      const q = x12.sender.qualifier;
      out.push({
        scheme: 'ISA',
        value: x12.sender.id,
        qualifier: typeof q === 'string' ? q : undefined,
      });
    }
    const gs = (s.group as { senderCode?: unknown } | undefined)?.senderCode;
    if (typeof gs === 'string') out.push({ scheme: 'GS', value: gs });
  }
  return out;
}
