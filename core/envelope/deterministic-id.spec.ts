import { z } from 'zod';
import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('is stable, distinct per name, and a valid v5 UUID', () => {
    const a = deterministicUuid('m1:0:0:0');
    expect(deterministicUuid('m1:0:0:0')).toBe(a);
    expect(deterministicUuid('m1:1:0:0')).not.toBe(a);
    expect(a[14]).toBe('5');
    expect(z.uuid().safeParse(a).success).toBe(true);
  });
});
