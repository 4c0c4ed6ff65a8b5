import { createHash } from 'node:crypto';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerTransport } from '../../../core/partners/partner.schema';
import { classifySftpError } from './classify-sftp-error';
import { fileNameFilter } from './file-patterns';
import { HostKeyPin, sha256Fingerprint } from './host-key';
import { outboundFileName } from './sftp-outbound.transport';
import { readSftpSettings, SftpSettingsSchema } from './sftp-settings.schema';

const PIN = `SHA256:${'a'.repeat(43)}`;
const base = { kind: 'sftp', host: 'h', username: 'u', password: 'p', hostKeySha256: PIN };
const dirs = { inboundDir: '/in', archiveDir: '/archive', errorDir: '/error', outboundDir: '/out' };

describe('SFTP settings', () => {
  it('resolves folders from the login directory unless told otherwise', () => {
    expect(SftpSettingsSchema.parse(base)).toMatchObject({
      inboundDir: 'in',
      archiveDir: 'archive',
      errorDir: 'error',
      outboundDir: 'out',
    });
  });

  it('pins the fingerprint as ssh-keygen -lf prints it, whole line or with padding', () => {
    const hash = 'b'.repeat(43);
    for (const printed of [`256 SHA256:${hash} [h]:22 (ED25519)`, `SHA256:${hash}=`])
      expect(SftpSettingsSchema.parse({ ...base, hostKeySha256: printed }).hostKeySha256).toBe(
        `SHA256:${hash}`,
      );
  });

  it('takes a private key with escaped line breaks, or from a file', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\\nabc\\n-----END OPENSSH PRIVATE KEY-----';
    const s = SftpSettingsSchema.parse({ ...base, password: '', privateKey: key, passphrase: 'x' });
    expect(s.privateKey).toBe(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----',
    );
    const f = SftpSettingsSchema.parse({ ...base, password: '', privateKeyFile: '/run/key' });
    expect(f).toMatchObject({ privateKeyFile: '/run/key' });
  });

  it('applies defaults and coerces seed strings', () => {
    const s = SftpSettingsSchema.parse({ ...base, ...dirs, port: '2222', password: 'p' });
    expect(s).toMatchObject({ port: 2222, completeness: 'stable-size', filePatterns: ['*'] });
  });

  it.each([
    [
      'no secret (empty seed variables count as none)',
      { ...base, ...dirs, password: '' },
      /password, privateKey or privateKeyFile/,
    ],
    ['an unpinned host key', { ...base, ...dirs, hostKeySha256: '' }, /hostKeySha256/],
    ['a host key that is no fingerprint', { ...base, hostKeySha256: 'ssh-ed25519 AAAA' }, /SHA256/],
    ['an empty folder', { ...base, archiveDir: '' }, /archiveDir/],
  ])('refuses %s as a config error', (_what, raw, message) => {
    let caught: unknown;
    try {
      readSftpSettings(raw as unknown as PartnerTransport, 'line', 'receive');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TradeError);
    expect(caught).toMatchObject({ kind: 'config', stage: 'receive' });
    expect((caught as Error).message).toMatch(message);
  });
});

describe('host key pin', () => {
  it('prints fingerprints as ssh-keygen -lf does and accepts only the pinned key', () => {
    const key = Buffer.from('ssh-ed25519 key blob');
    const printed = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
    expect(sha256Fingerprint(key)).toBe(printed);
    const pin = new HostKeyPin(printed);
    expect(pin.verify(key)).toBe(true);
    expect(pin.verify(Buffer.from('other'))).toBe(false);
    expect(pin.mismatch).toEqual({
      offered: sha256Fingerprint(Buffer.from('other')),
      pinned: printed,
    });
  });
});

describe('file names', () => {
  it('takes globs and /regexes/, never dot-files or ignored temporary names', () => {
    const take = fileNameFilter(['*.edi', '/^IFTSTA_\\d+\\.txt$/i'], ['*.part']);
    expect(['a.edi', 'iftsta_12.TXT', '.a.edi', 'a.edi.part', 'b.xml'].filter(take)).toEqual([
      'a.edi',
      'iftsta_12.TXT',
    ]);
    expect(fileNameFilter(['CODECO_[0-9]?.edi'], [])('CODECO_7a.edi')).toBe(true);
  });

  it('names outbound files from the mapping or the message id, never as a path', () => {
    const delivery = { messageId: 'm1', partnerId: 'p', body: Buffer.from(''), messageType: 'X' };
    expect(outboundFileName({ ...delivery, contentType: 'application/EDIFACT' })).toBe('m1.edi');
    expect(outboundFileName({ ...delivery, contentType: 'text/xml' })).toBe('m1.xml');
    expect(
      outboundFileName({ ...delivery, contentType: 'x', fileName: '../../etc/IFTMIN_1.edi' }),
    ).toBe('IFTMIN_1.edi');
    expect(() => outboundFileName({ ...delivery, contentType: 'x', fileName: '.hidden' })).toThrow(
      TradeError,
    );
  });
});

describe('SFTP error classes', () => {
  type Mismatch = { offered: string; pinned: string };
  const kindOf = (err: unknown, mismatch?: Mismatch) => [
    classifySftpError(err, 'op', 'deliver', mismatch).kind,
    classifySftpError(err, 'op', 'deliver', mismatch).code,
  ];
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'transient', 'ECONNREFUSED'],
    [
      { level: 'client-timeout', message: 'Timed out while waiting for handshake' },
      'transient',
      'timeout',
    ],
    [
      { level: 'client-authentication', message: 'All configured authentication methods failed' },
      'config',
      'auth-failed',
    ],
    [{ code: 3, message: 'Permission denied' }, 'config', 'permission-denied'],
    [{ code: 2, message: 'No such file' }, 'config', 'no-such-path'],
    [{ code: 4, message: 'Failure' }, 'transient', '4'],
  ])('%j is %s', (err, kind, code) => {
    expect(kindOf(err)).toEqual([kind, code]);
  });

  it('names a host key that is not the pinned one as configuration, with both fingerprints', () => {
    const mismatch = { offered: 'SHA256:offered', pinned: 'SHA256:pinned' };
    expect(kindOf(new Error('Handshake failed'), mismatch)).toEqual([
      'config',
      'host-key-mismatch',
    ]);
    const error = classifySftpError(new Error('Handshake failed'), 'op', 'receive', mismatch);
    expect(error.message).toContain('offered host key SHA256:offered, pinned is SHA256:pinned');
    expect(error.detail).toMatchObject(mismatch);
  });
});
