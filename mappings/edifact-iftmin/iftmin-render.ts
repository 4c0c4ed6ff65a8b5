import { TradeError } from '../../core/errors/trade-error';
import type { MappingContext, RenderedMessage } from '../../core/translation/contract';
import { buildInterchange, type SegmentDraft } from '../codecs/edifact';
import {
  readCarrierSettings,
  type CarrierEdifactSettings,
} from '../carrier-edifact/carrier-settings.schema';
import { offsetMinutes } from '../carrier-edifact/edifact-datetime';

const LINE_ENDINGS = { none: '', lf: '\n', crlf: '\r\n' } as const;

/** The partner's settings, with the interchange ids an outbound message cannot do without. */
export function outboundSettings(
  ctx: MappingContext,
): CarrierEdifactSettings & { senderId: string; recipientId: string } {
  const settings = readCarrierSettings(ctx);
  const { senderId, recipientId } = settings;
  if (!senderId || !recipientId) {
    throw new TradeError(
      'config',
      `partner ${ctx.partnerId} has no senderId/recipientId for outbound EDIFACT`,
      {
        stage: 'map',
        code: 'carrier-edifact-settings',
      },
    );
  }
  return { ...settings, senderId, recipientId };
}

/**
 * One IFTMIN in its own interchange. The control reference (UNB 0020, an..14) is also the
 * message reference; UNB's date is ctx.receivedAt in the partner's zone, like the DTMs.
 */
export function renderIftmin(
  body: SegmentDraft[],
  ctx: MappingContext & { controlRef: string },
  settings: CarrierEdifactSettings & { senderId: string; recipientId: string },
): RenderedMessage {
  const ref = ctx.controlRef;
  if (!/^[0-9A-Za-z]{1,14}$/.test(ref)) {
    throw new TradeError('internal', `control reference "${ref}" is not 1-14 letters or digits`, {
      stage: 'map',
    });
  }
  const [syntaxId, syntaxVersion] = settings.syntax.split(':');
  // buildInterchange writes the instant in UTC: shift it so UNB shows the partner's local time.
  const local = new Date(
    Date.parse(ctx.receivedAt) + offsetMinutes(settings.timeZone, ctx.receivedAt) * 60_000,
  );
  const bytes = buildInterchange({
    syntaxId,
    syntaxVersion,
    sender: { id: settings.senderId, qualifier: settings.senderQualifier },
    recipient: { id: settings.recipientId, qualifier: settings.recipientQualifier },
    preparedAt: local,
    controlRef: ref,
    testIndicator: settings.testIndicator,
    lineEnding: LINE_ENDINGS[settings.lineEnding],
    messages: [
      {
        messageRef: ref,
        messageType: 'IFTMIN',
        version: settings.directory,
        associationCode: settings.associationCode,
        segments: body,
      },
    ],
  });
  return {
    body: bytes,
    contentType: 'application/EDIFACT',
    format: 'edifact',
    messageType: 'IFTMIN',
    messageRef: ref,
    fileName: `IFTMIN_${ref}.edi`,
  };
}
