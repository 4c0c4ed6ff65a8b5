import type { ConsumeMessage } from 'amqplib';
import { deadLetterRecord } from './dead-letter-recorder';
import { parseEnvelope } from './envelope-consumer';

const envelopeId = '3f0c1b9e-5d2a-4c1e-9a7b-2f6d8e4c1a00';

function message(content: string, headers: Record<string, unknown>): ConsumeMessage {
  return {
    content: Buffer.from(content),
    fields: {
      routingKey: 't-q.strict',
      deliveryTag: 1,
      redelivered: false,
      exchange: '',
      consumerTag: 'c',
    },
    properties: { headers, messageId: envelopeId },
  } as unknown as ConsumeMessage;
}

describe('deadLetterRecord', () => {
  it('takes id, reason, kind and original routing key from the TradeHub headers', () => {
    const r = deadLetterRecord(
      message(JSON.stringify({ id: envelopeId, clientId: 'c-9' }), {
        'x-tradehub-dead-letter-id': 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
        'x-tradehub-reason': 'no HS code',
        'x-tradehub-error-kind': 'mapping',
        'x-tradehub-routing-key': 'clearance.declaration.receipt',
        'x-tradehub-failed-at': '2025-03-01T08:00:00.000Z',
      }),
      'strict',
      't-q.strict',
    );
    expect(r).toMatchObject({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      consumer: 'strict',
      envelopeId,
      clientId: 'c-9',
      reason: 'no HS code',
      errorKind: 'mapping',
      routingKey: 'clearance.declaration.receipt',
      deadAt: new Date('2025-03-01T08:00:00.000Z'),
    });
  });

  it('gives a message the broker dead-lettered a stable id and the broker reason', () => {
    const deaths = [
      {
        reason: 'delivery_limit',
        queue: 't-q.strict',
        'routing-keys': ['logistics.shipment.status'],
      },
    ];
    const make = () =>
      deadLetterRecord(message('{"id":1}', { 'x-death': deaths }), 'strict', 't-q.strict');
    const first = make();
    expect(first.id).toBe(make().id);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.reason).toBe('dead-lettered by the broker: delivery_limit');
    expect(first.routingKey).toBe('logistics.shipment.status');
    expect(first.errorKind).toBeNull();
  });

  it('keeps a body that is not JSON as text', () => {
    expect(deadLetterRecord(message('<xml/>', {}), 'strict', 't-q.strict').body).toEqual({
      unparsed: '<xml/>',
    });
  });
});

describe('parseEnvelope', () => {
  it('names the first bad field', () => {
    expect(parseEnvelope(Buffer.from('{"id":"x"}'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid envelope: id:/),
    });
    expect(parseEnvelope(Buffer.from('nope'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid JSON/),
    });
  });
});
