import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { jsonCodec } from '../codecs/json/json.codec';
import { dcsaArrivalNoticeMapping } from './arrival-notice.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'hapag-dcsa', receivedAt: '2025-06-02T10:05:00Z' };
const source = readFileSync(golden('hamburg-two-notices.json'), 'utf8');
const map = (text: string) => {
  const raw = Buffer.from(text);
  const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
  expect(message.detection.messageType).toBe('dcsa.arrival-notices');
  return dcsaArrivalNoticeMapping.toCanonical(message, ctx);
};

describe('DCSA Arrival Notice 1.0 -> ShipmentEvents', () => {
  it('maps each notice to ISSU/ARN and its announced arrival, as the golden file says', () => {
    const result = map(source);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('hamburg-two-notices.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it('reads the arrival date at midnight in the zone of the port (summer time in Hamburg)', () => {
    const [, arrival] = map(source).documents;
    expect(arrival.payload).toMatchObject({ eventDateTime: '2025-06-04T00:00:00+02:00' });
  });

  it('refuses an arrival without classifier, at its pointer', () => {
    const text = source.replace('"classifier": "EST"', '"classifier": "SOON"');
    expect(() => map(text)).toThrow(
      expect.objectContaining({
        location: { pointer: '/arrivalNotices/0/transport/portOfDischargeArrivalDate/classifier' },
      }),
    );
  });

  it('refuses a notice without issue time, at its pointer', () => {
    const text = source.replace('"issueDateTime": "2025-06-02T10:00:00Z",', '');
    expect(() => map(text)).toThrow(
      expect.objectContaining({ location: { pointer: '/arrivalNotices/1/issueDateTime' } }),
    );
  });
});
