import { TradeError } from '../../core/errors/trade-error';

/** RFC 6901: '~' -> '~0', '/' -> '~1'. */
const escape = (key: string | number): string =>
  String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** A mapping failure at a JSON pointer of the partner's input (kind 'mapping', stage 'map'). */
export function mappingError(message: string, pointer: string, code?: string): TradeError {
  return new TradeError('mapping', `${pointer || '/'}: ${message}`, {
    stage: 'map',
    location: { pointer },
    code,
  });
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;

/**
 * A value of a parsed JSON tree with its JSON pointer, so every read that fails names the
 * exact place in the partner's message. Readers throw; `opt*` readers accept absent or null.
 */
export class JsonNode {
  constructor(
    readonly value: unknown,
    readonly pointer = '',
    /**
     * The warnings of a partner with lenient checks (`MappingContext.checks`), shared by every
     * node of the tree: an optional value that does not parse is left out with a located
     * warning here instead of refusing the message. Required values are refused either way.
     */
    readonly lenient?: string[],
  ) {}

  static root(tree: unknown, lenient?: string[]): JsonNode {
    return new JsonNode(tree, '', lenient);
  }

  fail(message: string, key?: string | number, code?: string): never {
    throw mappingError(message, key === undefined ? this.pointer : this.pointerOf(key), code);
  }

  pointerOf(key: string | number): string {
    return `${this.pointer}/${escape(key)}`;
  }

  isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  isArray(): boolean {
    return Array.isArray(this.value);
  }

  /** The object's fields; fails when this is not a JSON object. */
  fields(): Record<string, unknown> {
    if (!this.isObject()) this.fail(`expected an object, found ${describe(this.value)}`);
    return this.value as Record<string, unknown>;
  }

  has(key: string): boolean {
    const v = this.isObject() ? (this.value as Record<string, unknown>)[key] : undefined;
    return v !== undefined && v !== null;
  }

  /** The child at `key` (absent children are nodes holding undefined). */
  at(key: string | number): JsonNode {
    const container = typeof key === 'number' ? this.array() : this.fields();
    return new JsonNode(
      (container as Record<string | number, unknown>)[key],
      this.pointerOf(key),
      this.lenient,
    );
  }

  /** Child object, or undefined when absent or null. */
  optObject(key: string): JsonNode | undefined {
    if (!this.has(key)) return undefined;
    const child = this.at(key);
    child.fields();
    return child;
  }

  object(key: string): JsonNode {
    return this.optObject(key) ?? this.fail('is required', key);
  }

  array(): unknown[] {
    if (!Array.isArray(this.value)) this.fail(`expected an array, found ${describe(this.value)}`);
    return this.value;
  }

  /** Items of this array as nodes. */
  items(): JsonNode[] {
    return this.array().map((v, i) => new JsonNode(v, this.pointerOf(i), this.lenient));
  }

  /** Items of the array at `key`; absent or null is an empty list. */
  optItems(key: string): JsonNode[] {
    return this.has(key) ? this.at(key).items() : [];
  }

  /** This node's own value as a trimmed, non-empty string (array items, map values). */
  text(): string {
    if (typeof this.value !== 'string')
      this.fail(`expected a string, found ${describe(this.value)}`);
    const trimmed = this.value.trim();
    return trimmed === '' ? this.fail('must not be empty') : trimmed;
  }

  optStr(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.at(key).value;
    if (typeof v !== 'string') this.fail(`expected a string, found ${describe(v)}`, key);
    const trimmed = v.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  str(key: string): string {
    return this.optStr(key) ?? this.fail('is required', key);
  }

  optNum(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const v = this.at(key).value;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(`expected a number, found ${describe(v)}`, key);
    }
    return v;
  }

  /** A non-negative whole number (counts, quantities, units). */
  optCount(key: string): number | undefined {
    const v = this.optNum(key);
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      this.fail(`expected a whole number >= 0, found ${v}`, key);
    }
    return v;
  }

  count(key: string): number {
    return this.optCount(key) ?? this.fail('is required', key);
  }

  optBool(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.at(key).value;
    if (typeof v !== 'boolean') this.fail(`expected true or false, found ${describe(v)}`, key);
    return v;
  }

  /** A code from a closed list; an unknown code is a located mapping error. */
  optCode<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.optStr(key);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      this.fail(`unknown code "${v}" (expected one of ${allowed.join(' ')})`, key, 'UNKNOWN_CODE');
    }
    return v as T;
  }

  code<T extends string>(key: string, allowed: readonly T[]): T {
    return this.optCode(key, allowed) ?? this.fail('is required', key);
  }
}
