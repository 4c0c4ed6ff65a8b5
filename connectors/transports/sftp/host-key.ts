import { createHash, timingSafeEqual } from 'node:crypto';

/** `SHA256:<base64 without padding>` of a host key blob, as `ssh-keygen -lf` prints it. */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** A host verifier for ssh2 that accepts only the pinned key and remembers what it saw. */
export class HostKeyPin {
  /** Fingerprint the server offered when it was not the pinned one, beside the pinned one. */
  mismatch?: { offered: string; pinned: string };

  constructor(private readonly expected: string) {}

  readonly verify = (key: Buffer): boolean => {
    const seen = sha256Fingerprint(key);
    const a = Buffer.from(seen);
    const b = Buffer.from(this.expected);
    const ok = a.length === b.length && timingSafeEqual(a, b);
    if (!ok) this.mismatch = { offered: seen, pinned: this.expected };
    return ok;
  };
}
