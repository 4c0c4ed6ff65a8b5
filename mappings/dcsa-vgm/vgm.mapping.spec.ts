import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { jsonCodec } from '../codecs/json/json.codec';
import { dcsaVgmMapping } from './vgm.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'ningbo-terminal', receivedAt: '2025-04-18T02:00:00Z' };

describe('DCSA VGM 1.0 -> ShipmentEvent', () => {
  it('maps each declaration to a VGM event of its container, as the golden file says', () => {
    const raw = readFileSync(golden('terminal-two-boxes.json'));
    const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
    expect(message.detection.messageType).toBe('dcsa.vgm.declarations');
    const result = dcsaVgmMapping.toCanonical(message, ctx);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('terminal-two-boxes.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });
});
