import { TradeError } from './trade-error';

/** Runs `fn` and returns the TradeError it throws; fails the test when it throws none. */
export function tradeErrorOf(fn: () => unknown): TradeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TradeError) return err;
    throw err;
  }
  throw new Error('expected a TradeError, nothing was thrown');
}

/** The same for promises and async iterations. */
export async function tradeErrorOfAsync(fn: () => Promise<unknown>): Promise<TradeError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof TradeError) return err;
    throw err;
  }
  throw new Error('expected a TradeError, nothing was thrown');
}
