import { z } from 'zod';
import { TradeError, type Stage } from '../../../core/errors/trade-error';
import type { PartnerTransport } from '../../../core/partners/partner.schema';

/** How the poller decides a remote file is completely written (see ADR 0004). */
export const COMPLETENESS_RULES = [
  'edifact-unz',
  'x12-iea',
  'xml-wellformed',
  'done-file',
  'stable-size',
] as const;
export type CompletenessRule = (typeof COMPLETENESS_RULES)[number];

// Seed files fill unset variables with '' (`${X:-}`): an empty secret means "not given".
const optionalSecret = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.string().optional(),
);
const HOST_KEY_PIN = /^SHA256:[A-Za-z0-9+/]{43}$/;
const PIN_HINT =
  'pin the server key: SHA256:<43 base64 chars> (ssh-keyscan HOST | ssh-keygen -lf -)';
// Relative folders are resolved by the server from the login directory: `in` is the user's
// home `in` on a plain sshd, and `/in` inside a chroot such as the compose image's.
const folder = (fallback: string) => z.string().min(1).default(fallback);

// `ssh-keygen -lf` prints `256 SHA256:<hash> comment (ED25519)`: the hash is what is pinned.
// Empty (an unset seed variable) means "not pinned yet": the record is accepted, the transport
// refuses to connect (readSftpSettings).
function pastedFingerprint(value: unknown): unknown {
  if (value === '' || value === null) return undefined;
  if (typeof value !== 'string') return value;
  const printed = /SHA256:[A-Za-z0-9+/]+=*/.exec(value)?.[0];
  return printed ? printed.replace(/=+$/, '') : value.trim();
}
const port = z.coerce.number().int().min(1).max(65535);
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * One partner's SFTP settings. `password`, `privateKey` and `passphrase` are secret by name
 * (core/security/redact.ts): sealed at rest, redacted in logs and answers.
 */
export const SftpSettingsSchema = z.object({
  kind: z.literal('sftp'),
  direction: z.enum(['in', 'out', 'both']).default('both'),
  host: z.string().min(1),
  port: port.default(22),
  username: z.string().min(1),
  password: optionalSecret,
  /** OpenSSH or PEM private key text (`\n` escapes, as a variable carries them, are read). */
  privateKey: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\\n/g, '\n') : v),
    optionalSecret,
  ),
  /** Or a file holding the private key, read at each connection (a mounted secret). */
  privateKeyFile: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** The private key's passphrase, when it has one. */
  passphrase: optionalSecret,
  /**
   * The server's host key as `ssh-keygen -lf` prints it: `SHA256:` + 43 base64 characters.
   * A whole pasted line (`256 SHA256:... host (ED25519)`) or base64 padding is accepted; left
   * empty it means "not pinned yet" (refused when the transport is used).
   */
  hostKeySha256: z.preprocess(
    pastedFingerprint,
    z.string().regex(HOST_KEY_PIN, PIN_HINT).optional(),
  ),
  /** The carrier writes here; TradeHub reads and moves files to archiveDir or errorDir. */
  inboundDir: folder('in'),
  archiveDir: folder('archive'),
  errorDir: folder('error'),
  /** TradeHub writes here (IFTMIN, CONTRL); the carrier reads. */
  outboundDir: folder('out'),
  /** Names to take: globs (`*.edi`, `IFTSTA_*`) or regexes written `/.../flags`. */
  filePatterns: z.array(z.string().min(1)).min(1).default(['*']),
  /** Names never taken: partners' temporary upload names. Dot-files are always skipped. */
  ignorePatterns: z.array(z.string().min(1)).default(['*.part', '*.tmp', '*.filepart']),
  completeness: z.enum(COMPLETENESS_RULES).default('stable-size'),
  /** With completeness 'done-file': `<name><suffix>` marks `<name>` complete. */
  doneFileSuffix: z.string().min(1).default('.done'),
  /**
   * A file whose size and time have not changed this long is settled: with its end marker
   * there (a UNZ, IEA or closing tag) it is taken even when the marker does not match.
   */
  settleSec: positive(60),
  /** A file whose content still looks cut but has not changed this long is taken anyway. */
  staleAfterSec: positive(900),
  pollIntervalSec: positive(60),
  maxFilesPerPoll: positive(100),
  /** Bigger files are never read: moved to errorDir with a reason. */
  maxFileBytes: positive(10 * 1024 * 1024),
  connectTimeoutMs: positive(15000),
  /** Limit for one remote operation (list, read, write, rename). */
  readTimeoutMs: positive(30000),
});

export type SftpSettings = z.infer<typeof SftpSettingsSchema> & { hostKeySha256: string };

/** What a connection needs beyond a valid record: credentials and a pinned host key. */
const ReadySftpSettingsSchema = SftpSettingsSchema.superRefine((s, ctx) => {
  if (!s.password && !s.privateKey && !s.privateKeyFile)
    ctx.addIssue({ code: 'custom', message: 'password, privateKey or privateKeyFile is required' });
  if (!s.hostKeySha256)
    ctx.addIssue({ code: 'custom', path: ['hostKeySha256'], message: PIN_HINT });
});

/** Reads a partner transport entry as SFTP settings; a bad one is a `config` TradeError. */
export function readSftpSettings(
  raw: PartnerTransport,
  partnerId: string,
  stage: Stage,
): SftpSettings {
  const parsed = ReadySftpSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data as SftpSettings;
  const issues = parsed.error.issues
    .map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`)
    .join('; ');
  throw new TradeError('config', `partner ${partnerId}: bad sftp settings: ${issues}`, {
    stage,
    code: 'sftp-settings',
  });
}
