import { SecretBox } from './secret-box';
import { REDACTED, redactSecrets, mapSecrets } from './redact';

describe('SecretBox', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('s3cr3t-密钥');
    expect(sealed).not.toContain('s3cr3t');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(box.open(sealed)).toBe('s3cr3t-密钥');
  });

  it('refuses a value sealed with another key', () => {
    const other = new SecretBox(Buffer.alloc(32, 2));
    expect(() => other.open(box.seal('x'))).toThrow();
  });
});

describe('secret redaction', () => {
  const record = {
    id: 'p1',
    transports: [{ kind: 'sftp', host: 'h', password: 'pw', privateKey: 'k', user: 'u' }],
    webhook: { webhook_secret: 'w', apiToken: 't' },
  };

  it('redacts secret-named fields at any depth', () => {
    expect(redactSecrets(record)).toEqual({
      id: 'p1',
      transports: [
        { kind: 'sftp', host: 'h', password: REDACTED, privateKey: REDACTED, user: 'u' },
      ],
      webhook: { webhook_secret: REDACTED, apiToken: REDACTED },
    });
  });

  it('maps only secrets', () => {
    const upper = mapSecrets(record, (s) => s.toUpperCase());
    expect(upper.transports[0].user).toBe('u');
    expect(upper.transports[0].password).toBe('PW');
  });
});
