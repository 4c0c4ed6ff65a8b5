/**
 * Waits until `mark` reads the same `quietChecks` times in a row with `busy` false: the system
 * under test has settled, so an assertion that nothing more happened means what it says.
 */
export async function untilSettled(
  read: () => Promise<{ busy: boolean; mark: unknown }>,
  { quietChecks = 3, everyMs = 100, timeoutMs = 30_000 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  let last = '';
  while (Date.now() < until) {
    const { busy, mark } = await read();
    const now = JSON.stringify(mark);
    quiet = !busy && now === last ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietChecks) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`not settled within ${timeoutMs} ms`);
}
