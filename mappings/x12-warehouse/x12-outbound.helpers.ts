import { TradeError } from '../../core/errors/trade-error';
import { buildInterchange, type X12Interchange, type X12SetSpec } from '../codecs/x12';
import { toX12DateTime } from './x12-time.helpers';
import type { X12WarehouseSettings } from './x12-warehouse-settings.schema';

export interface OutboundGroup {
  /** GS01: OW for 940, FA for 997. */
  functionalId: string;
  sets: X12SetSpec[];
  /** Interchange and group control number (ISA13, GS06). */
  controlNumber: number;
  /** The instant written as ISA09/10 and GS04/05, in the partner zone. */
  at: string;
  /** Separators, version and usage when they must follow a received interchange (997). */
  like?: Pick<X12Interchange, 'delimiters' | 'version' | 'usage'> & { groupVersion: string };
}

/** A control reference as the 1-9 digit number ISA13/GS06 carry, or a mapping error. */
export function controlNumberOf(controlRef: string | number): number {
  const text = String(controlRef);
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw new TradeError('mapping', `X12 control reference '${text}' is not 1 to 9 digits`, {
      stage: 'map',
      code: 'X12_CONTROL_REF',
    });
  }
  return Number(text);
}

/** One interchange with one group, addressed from TradeHub to the partner per its settings. */
export function outboundInterchange(
  settings: X12WarehouseSettings,
  group: OutboundGroup,
): X12Interchange {
  const { date, time } = toX12DateTime(group.at, settings.timeZone);
  const { lineEnding, ...separators } = settings.separators;
  return buildInterchange({
    sender: settings.interchange.sender,
    receiver: settings.interchange.receiver,
    date: date.slice(2),
    time,
    version: group.like?.version ?? settings.version.slice(0, 5),
    controlNumber: group.controlNumber,
    usage: (group.like?.usage as 'P' | 'T' | undefined) ?? settings.usage,
    ackRequested: group.functionalId !== 'FA' && settings.ackRequested,
    delimiters: group.like?.delimiters ?? { ...separators, lineEnding },
    groups: [
      {
        functionalId: group.functionalId,
        senderCode: settings.group.senderCode,
        receiverCode: settings.group.receiverCode,
        date,
        time,
        controlNumber: group.controlNumber,
        version: group.like?.groupVersion ?? settings.version,
        sets: group.sets,
      },
    ],
  });
}
