import { createHash } from 'node:crypto';

// RFC 4122 name-based UUID (version 5, SHA-1) under a TradeHub namespace: the same message,
// replay generation and position always give the same envelope id, so a redelivered
// normalization publishes nothing new.
const NAMESPACE = Buffer.from('6f1c2a4e8b7d4f0e9a3c5d2e1f0b7a69', 'hex');

export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
