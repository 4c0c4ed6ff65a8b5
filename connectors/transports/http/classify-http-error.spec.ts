import { AxiosError, type AxiosResponse } from 'axios';
import { classifyHttpError, parseRetryAfter } from './classify-http-error';

const answer = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new AxiosError('failed', 'ERR_BAD_RESPONSE', undefined, undefined, {
    status,
    data,
    headers,
  } as AxiosResponse);

describe('classifyHttpError (recorded partner errors)', () => {
  const dcsa400 = JSON.stringify({
    httpMethod: 'POST',
    requestUri: '/v2/bookings',
    statusCode: 400,
    statusCodeText: 'Bad Request',
    statusCodeMessage: 'The supplied data could not be accepted',
    errorDateTime: '2026-03-01T10:00:00Z',
    errors: [
      {
        errorCode: 7003,
        property: 'receiptTypeAtOrigin',
        errorCodeText: 'invalidData',
        errorCodeMessage: 'must be CY, SD or CFS',
      },
    ],
  });
  const cases: Array<[string, unknown, string, string]> = [
    [
      'DCSA 400',
      answer(400, dcsa400),
      'rejected',
      'HTTP 400 The supplied data could not be accepted; [7003] receiptTypeAtOrigin: must be CY, SD or CFS',
    ],
    [
      'T&T 3.0 400',
      answer(400, { feedbackElements: [{ severity: 'ERROR', message: 'unsupported filter' }] }),
      'rejected',
      'HTTP 400 [ERROR] unsupported filter',
    ],
    [
      'OAuth2 401',
      answer(401, { error: 'invalid_client', error_description: 'bad secret' }),
      'config',
      'HTTP 401 bad secret',
    ],
    ['403 text', answer(403, 'Forbidden'), 'config', 'HTTP 403 Forbidden'],
    ['404', answer(404, ''), 'rejected', 'HTTP 404'],
    [
      '409 conflict',
      answer(409, { message: 'booking is CANCELLED' }),
      'rejected',
      'HTTP 409 booking is CANCELLED',
    ],
    ['429', answer(429, ''), 'transient', 'HTTP 429'],
    ['503', answer(503, '<html>down</html>'), 'transient', 'HTTP 503 <html>down</html>'],
    [
      'no answer',
      new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED'),
      'transient',
      // A class, never the socket's text (it named internal addresses and ports).
      'connection refused',
    ],
    [
      'refused by policy',
      new AxiosError('10.0.0.1 is private', 'EPOLICY'),
      'config',
      'refused by the outbound URL policy',
    ],
    ['bad URL', new AxiosError('Invalid URL', 'ERR_INVALID_URL'), 'config', 'invalid URL'],
  ];

  it.each(cases)('%s', (_name, err, kind, message) => {
    const error = classifyHttpError(err, 'POST https://carrier.example/v2/bookings', 'receive');
    expect(error.kind).toBe(kind);
    expect(error.stage).toBe('receive');
    expect(error.message).toBe(`POST https://carrier.example/v2/bookings: ${message}`);
  });

  it('hands the Retry-After of a transient answer on, for the delivery back-off', () => {
    const error = classifyHttpError(answer(429, '', { 'retry-after': '120' }), 'GET x');
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 120_000 });
    expect(classifyHttpError(answer(400, '', { 'retry-after': '5' }), 'GET x').retryAfterMs).toBe(
      undefined,
    );
  });

  it('reads Retry-After in seconds and as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
