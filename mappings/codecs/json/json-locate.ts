import { TradeError } from '../../../core/errors/trade-error';

/** A JSON Pointer (RFC 6901) for a path of keys and indexes. */
export function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((step) => '/' + String(step).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Walks JSON text the way a parser does, only to say where it breaks: line, column, offset and
 * the JSON Pointer of the value being read. Runs after the native parser failed (or the depth
 * pre-check tripped), so its speed does not matter; it stops at `maxDepth` before recursing deeper.
 */
export function locateJsonError(text: string, maxDepth: number): TradeError {
  try {
    new Scanner(text, maxDepth).document();
  } catch (err) {
    if (err instanceof TradeError) return err;
    throw err;
  }
  return new TradeError('rejected', 'JSON not parseable', {
    stage: 'parse',
    location: { offset: 0 },
  });
}

class Scanner {
  private i = 0;
  private readonly path: Array<string | number> = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): void {
    this.value(1);
    this.space();
    if (this.i < this.text.length) this.fail('unexpected data after the JSON value');
  }

  private value(depth: number): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth}`, 'JSON_LIMIT');
      if (c === '{') this.object(depth);
      else this.array(depth);
    } else if (c === '"') this.string();
    else if (c === 't' || c === 'f' || c === 'n') this.literal();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else
      this.fail(
        c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`,
      );
  }

  private object(depth: number): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') this.fail('expected a property name in double quotes');
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') this.fail('expected ":" after the property name');
      this.i++;
      this.path.push(key);
      this.value(depth + 1);
      this.path.pop();
      if (this.separator('}')) return;
    }
  }

  private array(depth: number): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return void this.i++;
    for (let index = 0; ; index++) {
      this.path.push(index);
      this.value(depth + 1);
      this.path.pop();
      if (this.separator(']')) return;
    }
  }

  /** After a member: ',' continues (false), the closing bracket ends (true). */
  private separator(close: string): boolean {
    this.space();
    const c = this.text[this.i++];
    if (c === close) return true;
    if (c !== ',') {
      this.i--;
      this.fail(`expected "," or "${close}"`);
    }
    return false;
  }

  private string(): string {
    const start = this.i++;
    for (; this.i < this.text.length; this.i++) {
      const c = this.text.charCodeAt(this.i);
      if (c === 34 /* " */) {
        this.i++;
        return JSON.parse(this.text.slice(start, this.i)) as string;
      }
      if (c === 92 /* \ */) {
        const escape = this.text[this.i + 1];
        if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6)))
          this.fail('bad \\u escape');
        if (escape === undefined || !'"\\/bfnrtu'.includes(escape))
          this.fail('bad escape in string');
        this.i++;
      } else if (c < 0x20) this.fail('control character in string');
    }
    this.i = start;
    return this.fail('string is not closed');
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) return void (this.i += word.length);
    }
    this.fail('unknown literal');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.i, this.i + 400),
    );
    if (!match) this.fail('malformed number');
    this.i += match[0].length;
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? '')) this.i++;
  }

  private fail(message: string, code = 'JSON_MALFORMED'): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    const column = this.i - before.lastIndexOf('\n');
    throw new TradeError('rejected', `JSON not well-formed: ${message}`, {
      stage: 'parse',
      location: { line, column, offset: this.i, pointer: pointerOf(this.path) },
      code,
    });
  }
}
