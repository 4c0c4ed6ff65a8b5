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
const folder = z.string().min(1).optional();
const HOST_KEY_PIN = /^SHA256:[A-Za-z0-9+/]{43}$/;
const PIN_HINT =
  'pin the server key: SHA256:<43 base64 chars> (ssh-keyscan HOST | ssh-keygen -lf -)';
const port = z.coerce.number().int().min(1).max(65535);
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * One partner's SFTP settings. `password`, `privateKey` and `passphrase` are secret by name
 * (core/security/redact.ts): sealed at rest, redacted in logs and answers.
 */
export const SftpSettingsSchema = z
  .object({
    kind: z.literal('sftp'),
    direction: z.enum(['in', 'out', 'both']).default('both'),
    host: z.string().min(1),
    port: port.default(22),
    username: z.string().min(1),
    password: optionalSecret,
    /** OpenSSH or PEM private key text. */
    privateKey: optionalSecret,
    passphrase: optionalSecret,
    /**
     * The server's host key as `ssh-keygen -lf` prints it: `SHA256:` + 43 base64 characters.
     * Left empty by a seed variable it means "not pinned yet": accepted in the record, refused
     * when the transport is used (readSftpSettings).
     */
    hostKeySha256: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.string().regex(HOST_KEY_PIN, PIN_HINT).optional(),
    ),
    inboundDir: folder,
    archiveDir: folder,
    errorDir: folder,
    outboundDir: folder,
    /** Names to take: globs (`*.edi`, `IFTSTA_*`) or regexes written `/.../flags`. */
    filePatterns: z.array(z.string().min(1)).min(1).default(['*']),
    /** Names never taken: partners' temporary upload names. Dot-files are always skipped. */
    ignorePatterns: z.array(z.string().min(1)).default(['*.part', '*.tmp', '*.filepart']),
    completeness: z.enum(COMPLETENESS_RULES).default('stable-size'),
    /** With completeness 'done-file': `<name><suffix>` marks `<name>` complete. */
    doneFileSuffix: z.string().min(1).default('.done'),
    /** A file whose content still looks cut but has not changed this long is taken anyway. */
    staleAfterSec: positive(900),
    pollIntervalSec: positive(60),
    maxFilesPerPoll: positive(100),
    /** Bigger files are never read: moved to errorDir with a reason. */
    maxFileBytes: positive(10 * 1024 * 1024),
    connectTimeoutMs: positive(15000),
    /** Limit for one remote operation (list, read, write, rename). */
    readTimeoutMs: positive(30000),
  })
  .superRefine((s, ctx) => {
    const need = (key: keyof typeof s, when: boolean) => {
      if (when && !s[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required' });
    };
    const inbound = s.direction !== 'out';
    need('inboundDir', inbound);
    need('archiveDir', inbound);
    need('errorDir', inbound);
    need('outboundDir', s.direction !== 'in');
  });

export type SftpSettings = z.infer<typeof SftpSettingsSchema> & { hostKeySha256: string };

/** What a connection needs beyond a valid record: credentials and a pinned host key. */
const ReadySftpSettingsSchema = SftpSettingsSchema.superRefine((s, ctx) => {
  if (!s.password && !s.privateKey)
    ctx.addIssue({ code: 'custom', message: 'password or privateKey is required' });
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
