import type { PartnerRecord } from '../../core/partners/partner.schema';
import { transportStates, type PollStateRow } from './transport-state';

const partner = {
  id: 'p1',
  transports: [{ kind: 'http-inbound' }, { kind: 'sftp' }, { kind: 'amazon-sp-api' }],
} as unknown as PartnerRecord;

const row = (transport: string, key: string, value: string, partnerId = 'p1'): PollStateRow => ({
  partnerId,
  transport,
  key,
  value,
});
const error = (at: string) =>
  JSON.stringify({ at, kind: 'transient', code: 'ECONNREFUSED', message: 'connect refused' });
const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('transport state from what the pollers wrote', () => {
  it('leaves out transports nothing was written for (webhooks, another partner’s rows)', () => {
    expect(transportStates(partner, [row('sftp/1', 'last-ok', 'x', 'p2')], NOW)).toEqual([]);
  });

  it('is reachable when the last success is newer than the last error', () => {
    const [sftp] = transportStates(
      partner,
      [
        row('sftp/1', 'last-ok', '2026-03-01T11:00:00Z'),
        row('sftp/1', 'last-error', error('2026-03-01T10:00:00Z')),
      ],
      NOW,
    );
    expect(sftp).toMatchObject({ kind: 'sftp', index: 1, reachable: true });
    expect(sftp.lastError).toMatchObject({ code: 'ECONNREFUSED', message: 'connect refused' });
  });

  it('is unreachable when the last error is newer, or when it never succeeded', () => {
    const newer = transportStates(
      partner,
      [
        row('sftp/1', 'last-ok', '2026-03-01T09:00:00Z'),
        row('sftp/1', 'last-error', error('2026-03-01T10:00:00Z')),
      ],
      NOW,
    );
    expect(newer[0].reachable).toBe(false);
    const never = transportStates(
      partner,
      [row('sftp/1', 'last-error', error('2026-03-01T10:00:00Z'))],
      NOW,
    );
    expect(never[0]).toMatchObject({ reachable: false, lastSuccessAt: null });
  });

  it('says whether the access token is still valid', () => {
    const valid = transportStates(
      partner,
      [row('amazon-sp-api/2', 'token-expires-at', '2026-03-01T12:30:00Z')],
      NOW,
    );
    expect(valid[0]).toMatchObject({
      kind: 'amazon-sp-api',
      tokenExpiresAt: '2026-03-01T12:30:00Z',
      tokenValid: true,
      reachable: null,
    });
    const expired = transportStates(
      partner,
      [row('amazon-sp-api/2', 'token-expires-at', '2026-03-01T11:59:59Z')],
      NOW,
    );
    expect(expired[0].tokenValid).toBe(false);
  });

  it('carries the last poll outcome and the failures in a row', () => {
    const poll = JSON.stringify({
      outcome: 'error',
      at: '2026-03-01T11:00:00Z',
      consecutiveFailures: 3,
      kind: 'transient',
      code: 'http-503',
      reason: 'partner answered 503',
    });
    const [api] = transportStates(partner, [row('amazon-sp-api/2', 'last-poll', poll)], NOW);
    expect(api).toMatchObject({
      consecutiveFailures: 3,
      lastPoll: { outcome: 'error', reason: 'partner answered 503' },
    });
    const [sftp] = transportStates(partner, [row('sftp/1', 'last-ok', 'x')], NOW);
    expect(sftp).toMatchObject({ lastPoll: null, consecutiveFailures: 0 });
  });
});
