import type { Queryable } from './queryable';

/**
 * The next control number for a partner, in the caller's transaction: gap-free, never reused,
 * safe with several gateway processes (the row lock serialises them).
 */
export async function nextControlNumber(
  db: Queryable,
  partnerId: string,
  purpose = 'interchange',
): Promise<number> {
  const result = await db.query<{ last_value: string }>(
    `INSERT INTO control_numbers (partner_id, purpose, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (partner_id, purpose) DO UPDATE SET last_value = control_numbers.last_value + 1
     RETURNING last_value`,
    [partnerId, purpose],
  );
  return Number(result.rows[0].last_value);
}
