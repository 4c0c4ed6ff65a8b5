import { HttpInboundSettingsSchema } from './http-inbound-settings.schema';

const messages = (settings: Record<string, unknown>) =>
  HttpInboundSettingsSchema.safeParse({ kind: 'http-inbound', ...settings }).error?.issues.map(
    (i) => i.message,
  ) ?? [];

describe('generic webhook settings', () => {
  const secret = 'a-secret-of-enough-length';

  it('need one way to authenticate, or unsigned: true', () => {
    expect(messages({})).toEqual([expect.stringMatching(/^declare how pushes are authenticated/)]);
    expect(messages({ webhookSecret: secret })).toEqual([]);
    expect(messages({ sharedToken: secret })).toEqual([]);
    expect(messages({ unsigned: true })).toEqual([]);
  });

  it('refuse two ways at once, and a client certificate without a trusted proxy', () => {
    expect(messages({ webhookSecret: secret, sharedToken: secret })).toEqual([
      'declare one of webhookSecret, sharedToken, clientCertificate',
    ]);
    expect(
      messages({ clientCertificate: { subjects: ['CN=a'], trustedProxies: [] } }),
    ).toHaveLength(1);
  });

  it('keep the secret when unsigned: true switches checking off', () => {
    expect(messages({ webhookSecret: secret, unsigned: true })).toEqual([]);
  });
});
