import { TradeError } from '../../core/errors/trade-error';
import type { Detection } from '../../core/translation/contract';
import { detectCnCustoms } from './cn-customs/ceb-detect';
import { detectIso20022 } from './iso20022/iso20022-detect';
import { jsonCodec } from './json/json.codec';
import { detectXml } from './xml/xml.codec';

/** Looks at raw bytes and says what they are, or null when the format is not its own. */
export type Detector = (input: Buffer) => Detection | null;

/**
 * Runs the detectors in order and returns the first detection. Put specific detectors before
 * general ones (the XML family already orders CEB and ISO 20022 before plain XML).
 */
export function detectFormat(input: Buffer, detectors: readonly Detector[]): Detection | null {
  if (input.length === 0) return null;
  for (const detector of detectors) {
    let detection: Detection | null;
    try {
      detection = detector(input);
    } catch (err) {
      throw TradeError.from(err, 'internal', 'detect');
    }
    if (detection) return detection;
  }
  return null;
}

/**
 * XML family: China customs CEB/DXP by root and namespace, ISO 20022 by the Document namespace,
 * else plain XML named by its root element.
 */
export function detectXmlFamily(input: Buffer): Detection | null {
  return detectCnCustoms(input) ?? detectIso20022(input) ?? detectXml(input);
}

/** The detectors of the codecs in this folder; EDIFACT, X12 and SWIFT MT add their own. */
export const xmlAndJsonDetectors: readonly Detector[] = [
  detectXmlFamily,
  (input) => jsonCodec.detect(input),
];
