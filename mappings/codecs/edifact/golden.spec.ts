import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { TradeError } from '../../../core/errors/trade-error';
import { edifactCodec } from './edifact.codec';
import { parseEdifact } from './edifact.parser';
import { serializeMessages } from './interchange.builder';

// Golden cases: every `__fixtures__/golden/*.edi` is decoded and compared with the `.json` beside
// it (the decoded messages, or the located error). UPDATE_GOLDEN=1 rewrites the expectations.
const dir = join(__dirname, '__fixtures__', 'golden');
const cases = readdirSync(dir).filter((f) => f.endsWith('.edi'));

function view(input: Buffer): unknown {
  try {
    const detection = edifactCodec.detect(input);
    const messages = edifactCodec.decode(input, detection!).map((m) => ({
      index: m.index,
      messageRef: m.messageRef,
      detection: m.detection,
      interchange: m.interchange,
      warnings: m.tree.warnings,
      structured: m.tree.structured,
      tree: m.tree.tree,
    }));
    return JSON.parse(JSON.stringify({ detection, messages }));
  } catch (err) {
    if (!(err instanceof TradeError)) throw err;
    const { kind, stage, code, message, location } = err;
    return { error: { kind, stage, code, message, location } };
  }
}

const lineEndingOf = (text: string): string =>
  text.includes('\r\n') ? '\r\n' : /.\n/.test(text) ? '\n' : '';

describe('EDIFACT golden files', () => {
  it('has golden cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)('%s decodes as recorded', (file) => {
    const input = readFileSync(join(dir, file));
    const expectedPath = join(dir, file.replace(/\.edi$/, '.json'));
    const actual = view(input);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  it.each(cases)('%s serializes back byte for byte when it decodes', (file) => {
    const input = readFileSync(join(dir, file));
    let messages;
    try {
      messages = parseEdifact(input);
    } catch {
      return expect(view(input)).toHaveProperty('error');
    }
    const lineEnding = lineEndingOf(input.toString('latin1'));
    expect(serializeMessages(messages, { lineEnding }).equals(input)).toBe(true);
  });
});
