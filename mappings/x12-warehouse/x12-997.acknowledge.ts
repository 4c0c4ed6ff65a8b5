import { build997, parseX12, serializeX12, type X12Interchange } from '../codecs/x12';
import { controlNumberOf, outboundInterchange } from './x12-outbound.helpers';
import { toX12DateTime } from './x12-time.helpers';
import { warehouseSettings } from './x12-warehouse-settings.schema';

export interface AcknowledgeOptions {
  /** The partner's settings record (X12WarehouseSettingsSchema); ISA/GS ids come from it. */
  settings: Record<string, unknown>;
  partnerId: string;
  /** TradeHub's next ISA13/GS06 counter; a second received interchange takes the next one. */
  controlNumber: number | string;
  /** When the 997 is made (ISO 8601, e.g. the message's receivedAt), written in the partner zone. */
  at: string;
}

function interchangesOf(
  received: Buffer | string | X12Interchange | X12Interchange[],
): X12Interchange[] {
  if (typeof received === 'string') return parseX12(received);
  if (Buffer.isBuffer(received)) return parseX12(received.toString('utf8'));
  return Array.isArray(received) ? received : [received];
}

/**
 * The 997 Functional Acknowledgment(s) to send back for received X12 bytes (or interchanges
 * parsed with parseX12, which keeps their syntax issues): the codec's build997 decides the
 * AK2/AK3/AK4/AK5/AK9 content, the envelope is addressed from TradeHub to the partner with
 * the ISA/GS ids of its settings, in the separators, release and usage it sent. One 997
 * interchange per received interchange; groups that are themselves 997s are never
 * acknowledged, so an input holding only 997s yields null.
 */
export function acknowledgeX12(
  received: Buffer | string | X12Interchange | X12Interchange[],
  options: AcknowledgeOptions,
): Buffer | null {
  const settings = warehouseSettings(options);
  const { date, time } = toX12DateTime(options.at, settings.timeZone);
  let control = controlNumberOf(options.controlNumber);
  const out: string[] = [];
  for (const ic of interchangesOf(received)) {
    const groups = ic.groups.filter((g) => g.functionalId !== 'FA');
    if (groups.length === 0) continue;
    const ack = build997(
      { ...ic, groups },
      { controlNumber: control, groupControlNumber: control, date, time },
    );
    const envelope = outboundInterchange(settings, {
      functionalId: 'FA',
      controlNumber: control,
      at: options.at,
      sets: ack.groups[0].sets.map((s) => ({
        id: '997',
        controlNumber: s.controlNumber,
        body: s.body,
      })),
      like: {
        delimiters: ic.delimiters,
        version: ic.version,
        usage: ic.usage,
        groupVersion: ack.groups[0].version,
      },
    });
    out.push(serializeX12(envelope));
    control++;
  }
  return out.length ? Buffer.from(out.join(''), 'utf8') : null;
}
