import type { MtMessage } from './mt.types';

/** A bank export header line naming the type: '940', '940 00', ':940:'. */
const HEADER_TYPE = /^:?([1-9]\d{2})(?::|\s|$)/;

function fromPreamble(preamble: string[]): string | undefined {
  for (const line of preamble) {
    const m = HEADER_TYPE.exec(line);
    if (m) return `MT${m[1]}`;
  }
  return undefined;
}

/** Without headers the fields tell: statements, interim reports, credits, customer transfers. */
export function inferMessageType(tags: Set<string>): string | undefined {
  const has = (...list: string[]) => list.some((t) => tags.has(t));
  if (has('13D', '34F')) return 'MT942';
  if (has('60F', '60M') && has('62F', '62M')) return 'MT940';
  if (has('40B')) return 'MT710';
  if (has('26E')) return 'MT707';
  if (has('40A', '31C', '31D')) return 'MT700';
  if (has('32A') && has('23B')) return 'MT103';
  // 28D message index/total with 30 requested execution date: a request for transfer.
  if (has('28D') && has('30')) return 'MT101';
  return undefined;
}

/** Block 2 first, then an export header, then the fields. */
export function messageTypeOf(msg: MtMessage): string | undefined {
  if (msg.block2) return `MT${msg.block2.messageType}`;
  return fromPreamble(msg.preamble) ?? inferMessageType(new Set(msg.fields.map((f) => f.tag)));
}
