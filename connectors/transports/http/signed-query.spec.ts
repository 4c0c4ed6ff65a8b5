import { tradeErrorOf } from '../../../core/errors/trade-error.testing';
import { createHash, createHmac } from 'node:crypto';
import { signQuery, signedQuery, verifySignedQuery } from './signed-query';

describe('4PX-style signed query', () => {
  const auth = {
    type: 'signed-query' as const,
    appKey: 'ak-euro-01',
    appSecret: 'sk-0123456789abcdef',
    algorithm: 'md5' as const,
    format: 'json',
    version: '1.0',
  };
  const body = '{"ref_no":"ASN-1"}';
  const now = 1_776_000_000_000;

  it('signs sorted name+value pairs, the body and the secret with MD5', () => {
    const query = signedQuery('fu.wms.inbound.create', body, auth, now);
    const text = `app_keyak-euro-01formatjsonmethodfu.wms.inbound.createtimestamp${now}v1.0${body}sk-0123456789abcdef`;
    expect(query).toEqual({
      app_key: 'ak-euro-01',
      format: 'json',
      method: 'fu.wms.inbound.create',
      timestamp: String(now),
      v: '1.0',
      sign: createHash('md5').update(text).digest('hex'),
    });
  });

  it('includes extra parameters in their sorted place and supports HMAC-SHA256', () => {
    const hmac = { ...auth, algorithm: 'hmac-sha256' as const };
    const sign = signQuery({ v: '1.0', b: '2', a: '1', sign: 'ignored' }, 'x', hmac);
    expect(sign).toBe(createHmac('sha256', hmac.appSecret).update('a1b2v1.0x').digest('hex'));
  });

  it('verifies a push and refuses a changed body, a stale timestamp and another key', () => {
    const query = signedQuery('fu.wms.push', body, auth, now);
    expect(() => verifySignedQuery(query, body, auth, 300, now + 1000)).not.toThrow();
    expect(tradeErrorOf(() => verifySignedQuery(query, body + ' ', auth, 300, now)).code).toBe(
      'bad-signature',
    );
    expect(tradeErrorOf(() => verifySignedQuery(query, body, auth, 300, now + 301_000)).code).toBe(
      'stale',
    );
    expect(
      tradeErrorOf(() => verifySignedQuery({ ...query, app_key: 'other' }, body, auth, 300, now))
        .code,
    ).toBe('unknown-key');
    expect(
      tradeErrorOf(() => verifySignedQuery({ timestamp: '1' }, body, auth, 300, now)).code,
    ).toBe('unsigned');
  });
});
