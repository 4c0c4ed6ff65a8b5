import type { PollContext } from '../../../core/connector/contract';
import type { PartnerRecord } from '../../../core/partners/partner.schema';

/** Stores one polled answer raw through the intake, as the partner's message over `transport`. */
export async function storePolled(
  ctx: PollContext,
  partner: PartnerRecord,
  transport: string,
  answer: {
    text: string;
    contentType?: string;
    partnerRef?: string;
    meta: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.intake.receive({
    partnerId: partner.id,
    connector: partner.connector,
    transport,
    raw: Buffer.from(answer.text, 'utf8'),
    contentType: answer.contentType ?? 'application/json',
    partnerRef: answer.partnerRef,
    clientId: partner.clientId ?? null,
    transportMeta: answer.meta,
  });
}
