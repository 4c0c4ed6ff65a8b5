import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboundMapping, RenderedMessage } from '../../../core/translation/contract';
import { carrierContext } from '../../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { iftminBookingMapping } from '../iftmin-booking.mapping';
import { iftminShippingInstructionMapping } from '../iftmin-si.mapping';

/** An outbound golden case: `golden/<case>.input.json` (this) and `<case>.expected.edi`. */
export interface OutboundCase {
  partner: string;
  controlRef: string;
  receivedAt: string;
  documentType: 'Booking' | 'ShippingInstruction';
  payload: unknown;
}

export const goldenDir = join(__dirname, '..', 'golden');

export const outboundCases = (): string[] =>
  readdirSync(goldenDir)
    .filter((f) => f.endsWith('.input.json'))
    .map((f) => f.slice(0, -'.input.json'.length))
    .sort();

export const readCase = (name: string): OutboundCase =>
  JSON.parse(readFileSync(join(goldenDir, `${name}.input.json`), 'utf8')) as OutboundCase;

export const mappingFor = (c: OutboundCase): OutboundMapping =>
  c.documentType === 'Booking' ? iftminBookingMapping : iftminShippingInstructionMapping;

/** Renders a case for its partner, with settings overridden (e.g. another directory). */
export function renderCase(
  c: OutboundCase,
  settings: Record<string, unknown> = {},
): RenderedMessage {
  const ctx = carrierContext(c.partner, c.receivedAt);
  return mappingFor(c).render(c.payload, {
    ...ctx,
    settings: { ...ctx.settings, ...settings },
    controlRef: c.controlRef,
  });
}
