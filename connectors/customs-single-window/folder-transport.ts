import { z } from 'zod';
import type {
  DeliveryReceipt,
  InboundPoller,
  OutboundDelivery,
  OutboundTransport,
  PollContext,
  PollResult,
} from '../../core/connector/contract';
import { TradeError, type Stage } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { outboundFileName } from '../transports/sftp';
import { FolderExchange } from './folder-exchange';

/**
 * A customs partner's `folder` transport: the folder pair the Single Window client software
 * (or the simulator) watches, as a partner record declares it.
 */
export const FolderTransportSchema = z.object({
  kind: z.literal('folder'),
  direction: z.enum(['in', 'out', 'both']).default('both'),
  /** TradeHub writes DXP files here. */
  outDir: z.string().min(1),
  /** The Single Window client writes its answers here. */
  inDir: z.string().min(1),
  /** Where answers are moved once stored; default `<inDir>/done`. */
  doneDir: z.string().min(1).optional(),
  pollIntervalSec: z.coerce.number().int().positive().default(5),
});
export type FolderTransportSettings = z.infer<typeof FolderTransportSchema>;

export function readFolderSettings(
  raw: PartnerTransport,
  partnerId: string,
  stage: Stage,
): FolderTransportSettings {
  const parsed = FolderTransportSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new TradeError('config', `partner ${partnerId}: bad folder settings: ${issues}`, {
    stage,
    code: 'folder-settings',
  });
}

const exchangeOf = (s: FolderTransportSettings) =>
  new FolderExchange({ outDir: s.outDir, inDir: s.inDir, doneDir: s.doneDir });

/** Writes the stored file to `outDir` under a `.part` name renamed when complete. */
export class FolderOutboundTransport implements OutboundTransport {
  readonly kind = 'folder';

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const settings = readFolderSettings(raw, partner.id, 'deliver');
    const name = outboundFileName(delivery);
    try {
      await exchangeOf(settings).put(name, delivery.body);
    } catch (err) {
      // A full disk or a folder being remounted passes; the delivery job retries.
      throw new TradeError('transient', `folder ${settings.outDir}: ${(err as Error).message}`, {
        stage: 'deliver',
      });
    }
    return { detail: { folder: settings.outDir, file: name }, partnerRef: name };
  }
}

/**
 * Takes the answers in `inDir`, oldest name first: each is stored raw through the intake, then
 * moved to the done folder, so a crash in between only stores it again (a duplicate).
 */
export class FolderInboundPoller implements InboundPoller {
  readonly kind = 'folder';

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = readFolderSettings(raw, partner.id, 'receive');
    const result: PollResult = { received: 0, deferred: 0 };
    if (settings.direction === 'out') return result;
    const exchange = exchangeOf(settings);
    for (const file of await exchange.list()) {
      if (ctx.signal.aborted) break;
      await ctx.intake.receive({
        partnerId: partner.id,
        connector: partner.connector,
        transport: 'folder',
        raw: file.body,
        clientId: partner.clientId ?? null,
        transportMeta: { fileName: file.name, folder: settings.inDir },
      });
      await exchange.ack(file.name);
      result.received++;
    }
    return result;
  }
}
