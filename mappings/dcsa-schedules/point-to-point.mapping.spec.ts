import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { jsonCodec } from '../codecs/json/json.codec';
import { dcsaPointToPointMapping } from './point-to-point.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'hapag-dcsa', receivedAt: '2025-05-12T01:00:00Z' };
const source = readFileSync(golden('ningbo-hamburg-two-solutions.json'), 'utf8');
const map = (text: string) => {
  const raw = Buffer.from(text);
  const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
  expect(message.detection.messageType).toBe('dcsa.schedules.point-to-point');
  return dcsaPointToPointMapping.toCanonical(message, ctx);
};

describe('DCSA Commercial Schedules 1.0 point-to-point -> SailingSchedule', () => {
  it('maps both solutions, the second with a barge feeder leg, as the golden file says', () => {
    const result = map(source);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('ningbo-hamburg-two-solutions.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it.each([
    [
      'a placeholder instead of a departure time',
      '"dateTime": "2025-05-23T20:00:00+08:00"',
      '"dateTime": "DEPARTURE_DATE"',
      '/1/legs/1/departure/dateTime',
    ],
    [
      'an unknown mode of transport',
      '"modeOfTransport": "BARGE"',
      '"modeOfTransport": "CANOE"',
      '/1/legs/0/transport/modeOfTransport',
    ],
    [
      'an unknown cut-off code',
      '"cutOffDateTimeCode": "VCO"',
      '"cutOffDateTimeCode": "XYZ"',
      '/0/cutOffTimes/1/cutOffDateTimeCode',
    ],
  ])('refuses %s at its pointer', (_why, from, to, pointer) => {
    expect(() => map(source.replace(from, to))).toThrow(
      expect.objectContaining({ kind: 'mapping', location: { pointer } }),
    );
  });

  it('refuses a placeholder leg time under lenient checks too: CS 1.0 requires it', () => {
    // PlaceOfDeparture and PlaceOfArrival require dateTime (DCSA CS 1.0.x): no leg without it.
    const raw = Buffer.from(
      source.replace('"dateTime": "2025-05-23T20:00:00+08:00"', '"dateTime": "DEPARTURE_DATE"'),
    );
    const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
    expect(() =>
      dcsaPointToPointMapping.toCanonical(message, { ...ctx, checks: 'lenient' }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          '"DEPARTURE_DATE" is not an ISO 8601 date-time with zone (required)',
        ),
        location: { pointer: '/1/legs/1/departure/dateTime' },
      }),
    );
  });
});
