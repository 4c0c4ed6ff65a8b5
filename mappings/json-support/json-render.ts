import type { RenderedMessage } from '../../core/translation/contract';

/** A JSON body as a rendered message; undefined fields are left out of the body. */
export function jsonRendered(
  body: unknown,
  messageType: string,
  controlRef: string,
): RenderedMessage {
  return {
    body: Buffer.from(JSON.stringify(body), 'utf8'),
    contentType: 'application/json',
    format: 'json',
    messageType,
    messageRef: controlRef,
    fileName: `${controlRef}.json`,
  };
}
