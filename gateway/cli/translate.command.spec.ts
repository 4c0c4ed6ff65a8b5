import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CORPUS,
  iftstaWith,
  MISCOUNTED_IFTSTA,
  recordingEnvironment,
  SEED,
  useTempDir,
} from './cli.testing';
import { loadPartner } from './partner-hints';
import { runTranslate } from './translate.command';

const file = (name: string) => path.join(CORPUS, name);
const jsonLines = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('runTranslate', () => {
  const tempDir = useTempDir();

  it('exits 0 for a single file that maps, printing its documents', async () => {
    const env = recordingEnvironment();
    expect(await runTranslate(file('iftsta-d99b-shanghai.edi'), {}, env)).toBe(0);
    expect(env.stdout[0]).toMatch(/iftsta-d99b-shanghai\.edi: UN\/EDIFACT D\.99B IFTSTA/);
    expect(env.stdout.filter((l) => l.includes('ShipmentEvent'))).toHaveLength(2);
  });

  it('exits 1 for a single file with errors', async () => {
    const env = recordingEnvironment();
    const status = await runTranslate(file('NEG-iftsta-bgm-before-unh.edi'), { json: true }, env);
    expect(status).toBe(1);
    const [line] = jsonLines(env.stdout);
    expect(line.errors).toEqual([
      expect.objectContaining({ stage: 'parse', location: 'segment 2 (BGM), line 3' }),
    ]);
  });

  it('prints one JSON line per file of a folder, sorted by name', async () => {
    const env = recordingEnvironment();
    await runTranslate(CORPUS, { json: true }, env);
    expect(jsonLines(env.stdout).map((l) => [l.file, l.format, l.messageType])).toEqual([
      ['NEG-iftsta-bgm-before-unh.edi', 'edifact', 'IFTSTA'],
      ['camt.053.001.02-one-entry.xml', 'iso20022', 'camt.053'],
      ['dcsa-tnt-2.2-gate-in.json', 'json', 'dcsa.tnt.events'],
      ['iftsta-d99b-shanghai.edi', 'edifact', 'IFTSTA'],
      ['mt940-single-statement.sta', 'swift-mt', 'MT940'],
    ]);
  });

  it('parses leniently with --lenient', async () => {
    const miscount = path.join(tempDir(), 'miscount.edi');
    writeFileSync(miscount, MISCOUNTED_IFTSTA());
    const strict = recordingEnvironment();
    expect(await runTranslate(miscount, { json: true }, strict)).toBe(1);
    const lenient = recordingEnvironment();
    const status = await runTranslate(miscount, { json: true, lenient: true }, lenient);
    expect(status).toBe(0);
    expect(jsonLines(lenient.stdout)[0].canonical).toHaveLength(2);
  });

  it("parses leniently for a partner whose record says checks: 'lenient'", async () => {
    const miscount = path.join(tempDir(), 'miscount.edi');
    writeFileSync(miscount, MISCOUNTED_IFTSTA());
    const env = recordingEnvironment();
    expect(await runTranslate(miscount, { json: true, partner: 'lenient-line' }, env)).toBe(0);
    expect(jsonLines(env.stdout)[0].canonical).toHaveLength(2);
  });

  it("applies the partner's format settings with --partner", async () => {
    const ownCode = path.join(tempDir(), 'own-code.edi');
    writeFileSync(ownCode, iftstaWith("STS+1+I'", "STS+1+Z9'"));
    // Without the partner, Z9 is no known code: kept as an UNKN event for operators.
    const anonymous = recordingEnvironment();
    expect(await runTranslate(ownCode, { json: true }, anonymous)).toBe(0);
    const [unknown] = jsonLines(anonymous.stdout)[0].canonical as Array<{
      payload: Record<string, unknown>;
    }>;
    expect(unknown.payload).toMatchObject({ eventCode: 'UNKN', sourceStatusCode: 'Z9' });
    const env = recordingEnvironment();
    const options = { json: true, partner: 'example-line' };
    expect(await runTranslate(ownCode, options, env)).toBe(0);
    const [line] = jsonLines(env.stdout);
    const first = (line.canonical as Array<{ payload: Record<string, unknown> }>)[0].payload;
    // The partner's own Z9 code, in the partner's time zone.
    expect(first).toMatchObject({ eventCode: 'GTIN', sourceStatusCode: 'Z9' });
    expect(first.eventDateTime).toBe('2025-06-01T14:20:00+08:00');
  });

  it('exits 2 on a missing path or an unknown partner', async () => {
    const env = recordingEnvironment();
    expect(await runTranslate(path.join(tempDir(), 'nothing.edi'), {}, env)).toBe(2);
    expect(await runTranslate(CORPUS, { partner: 'nobody' }, env)).toBe(2);
    expect(env.stderr).toEqual([
      expect.stringMatching(/nothing\.edi: no such file or folder$/),
      expect.stringMatching(/no partner nobody in .* \(known: example-line, lenient-line\)$/),
    ]);
    expect(env.stdout).toEqual([]);
  });
});

describe('loadPartner', () => {
  it('reads the format hints; secrets without a value do not stop it', () => {
    const partner = loadPartner(SEED, 'example-line');
    expect(partner.formats).toEqual([
      expect.objectContaining({ format: 'edifact', messageType: 'IFTSTA', direction: 'in' }),
    ]);
  });
});
