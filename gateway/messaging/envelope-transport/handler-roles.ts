import { TradeError } from '../../../core/errors/trade-error';

/**
 * The handler queues a process consumes under HANDLERS. A name that matches no handler stops
 * the boot: a misspelt role would otherwise leave its queue filling with nobody consuming it.
 */
export function consumedHere<T extends { readonly name: string }>(
  queues: readonly T[],
  handlers: 'all' | readonly string[],
): T[] {
  if (handlers === 'all') return [...queues];
  const known = new Set(queues.map((q) => q.name));
  const unknown = handlers.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new TradeError(
      'config',
      `HANDLERS names ${unknown.map((n) => `"${n}"`).join(', ')}, which no handler has; ` +
        `known: ${[...known].sort().join(', ')}`,
    );
  const wanted = new Set(handlers);
  return queues.filter((q) => wanted.has(q.name));
}
