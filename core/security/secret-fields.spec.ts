import { keepStoredSecrets, showSecretsAsSet } from './secret-fields';

const stored = {
  id: 'line',
  transports: [{ kind: 'sftp', host: 'a', password: 's3cret', passphrase: 'pp' }],
  settings: { apiToken: 'tok' },
};

describe('secrets in partner answers and updates', () => {
  it('shows whether a secret is set, never its value', () => {
    expect(showSecretsAsSet(stored)).toEqual({
      id: 'line',
      transports: [{ kind: 'sftp', host: 'a', password: { set: true }, passphrase: { set: true } }],
      settings: { apiToken: { set: true } },
    });
  });

  it('keeps stored secrets through a GET -> PUT round trip', () => {
    const answer = showSecretsAsSet(stored);
    expect(keepStoredSecrets(answer, stored)).toEqual(stored);
  });

  it('keeps a secret sent back as [redacted] or left out, and changes only an explicit one', () => {
    const sent = {
      id: 'line',
      transports: [{ kind: 'sftp', host: 'b', password: '[redacted]' }],
      settings: { apiToken: 'new-token' },
    };
    expect(keepStoredSecrets(sent, stored)).toEqual({
      id: 'line',
      transports: [{ kind: 'sftp', host: 'b', password: 's3cret', passphrase: 'pp' }],
      settings: { apiToken: 'new-token' },
    });
  });

  it('removes a secret sent as null, and drops { set: true } where nothing is stored', () => {
    const sent = { transports: [{ kind: 'sftp', password: null, privateKey: { set: true } }] };
    expect(keepStoredSecrets(sent, stored)).toEqual({
      transports: [{ kind: 'sftp', passphrase: 'pp' }],
    });
  });
});
