import type { MappingContext } from '../../core/translation/contract';
import type { EdifactMessage } from '../codecs/edifact';
import { toIsoDateTime } from '../codecs/edifact/envelope.reader';
import { offsetOfWallTime } from '../time-zones/zone-offset';
import type { MessageHeader } from './message-header';

/**
 * When the sender issued the message: its DTM 137, else the UNB preparation time read in the
 * partner's zone, else when TradeHub received it (with a warning, as that is only a bound).
 */
export function issuedAt(
  header: MessageHeader,
  message: EdifactMessage,
  ctx: MappingContext,
  timeZone: string,
  warnings: string[],
): string {
  if (header.documentDate) return header.documentDate.iso;
  const ic = message.interchange;
  // UNB has no zone: its wall-clock time is read in the partner's zone (offset or IANA name).
  const wall = ic && toIsoDateTime(ic.preparedDate, ic.preparedTime, 'Z');
  if (wall) return wall.slice(0, -1) + offsetOfWallTime(Date.parse(wall), timeZone);
  warnings.push(
    `${message.messageType} ${message.messageRef} has no date: the receipt time stands in`,
  );
  return ctx.receivedAt;
}
