import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, MISCOUNTED_IFTSTA, recordingEnvironment, useTempDir } from './cli.testing';
import { runConformance } from './conformance.command';

const summary = (lines: string[]) => lines[lines.length - 1];

describe('runConformance', () => {
  const tempDir = useTempDir();

  it('tables the fixture corpus by format and message type', async () => {
    const env = recordingEnvironment();
    expect(await runConformance(CORPUS, {}, env)).toBe(0);
    const rows = env.stdout.slice(2, 7).map((l) => l.split(/\s{2,}/));
    expect(rows).toEqual([
      ['edifact', 'IFTSTA', '2', '2', '1', '0', '1', '0', '1', '0'],
      ['iso20022', 'camt.053', '1', '1', '1', '0', '1', '0', '0', '0'],
      ['json', 'dcsa.tnt.events', '1', '1', '1', '0', '1', '0', '0', '0'],
      ['swift-mt', 'MT940', '1', '1', '1', '0', '1', '0', '0', '0'],
      ['total', '5', '5', '4', '0', '4', '0', '1', '0'],
    ]);
    expect(summary(env.stdout)).toMatch(
      /^Summary: 5 files, 5 detected, 4 parsed \(0 with warnings\), 4 mapped, 0 failed, every positive file mapped or explained, NEG 1\/1 rejected with a location, 0\.0 s$/,
    );
  });

  it('counts a file strict parsing refuses and lenient takes as parsed with warnings', async () => {
    const dir = tempDir();
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(path.join(dir, 'miscount.edi'), MISCOUNTED_IFTSTA());
    const env = recordingEnvironment();
    await runConformance(dir, {}, env);
    expect(env.stdout).toContain('Parsed with warnings (strict refused, lenient took it):');
    expect(env.stdout.some((l) => /^ {2}miscount\.edi: parse at segment 17 \(UNT\)/.test(l))).toBe(
      true,
    );
    expect(summary(env.stdout)).toMatch(
      /6 detected, 5 parsed \(1 with warnings\), 5 mapped, 0 failed/,
    );
  });

  it('never fails on garbage: random bytes, an empty file, binary, broken openings', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'random.bin'), randomBytes(4096));
    writeFileSync(path.join(dir, 'empty.edi'), '');
    writeFileSync(
      path.join(dir, 'image.png'),
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(64),
      ]),
    );
    writeFileSync(
      path.join(dir, 'nested', 'una.edi'),
      Buffer.concat([Buffer.from("UNA:+.? 'UNB+"), randomBytes(512)]),
    );
    writeFileSync(
      path.join(dir, 'nested', 'isa.x12'),
      Buffer.concat([Buffer.from('ISA*00*'), randomBytes(512)]),
    );
    writeFileSync(
      path.join(dir, 'nested', 'doc.xml'),
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><',
    );
    writeFileSync(path.join(dir, 'nested', 'half.json'), '{"eventID": ');
    writeFileSync(
      path.join(dir, 'NEG-nul.sta'),
      Buffer.concat([Buffer.from(':20:'), Buffer.alloc(32)]),
    );
    const env = recordingEnvironment();
    expect(await runConformance(dir, {}, env)).toBe(0);
    expect(summary(env.stdout)).toMatch(/^Summary: 8 files, /);
    const failures = env.stdout.slice(
      env.stdout.indexOf('Failures (first error of each failed file):'),
    );
    expect(failures.some((l) => l.startsWith('  empty.edi: detect at offset 0: empty input'))).toBe(
      true,
    );
  });

  it('leaves folder documentation out and says so', async () => {
    const dir = tempDir();
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(path.join(dir, 'SOURCES.md'), '# where the samples come from\n');
    const env = recordingEnvironment();
    await runConformance(dir, {}, env);
    expect(env.stdout).toContain('Skipped (folder documentation): SOURCES.md');
    expect(summary(env.stdout)).toMatch(/^Summary: 5 files, /);
  });

  it('exits 2 when the folder or the schema folder is missing', async () => {
    const dir = tempDir();
    const env = recordingEnvironment();
    expect(await runConformance(path.join(dir, 'none'), {}, env)).toBe(2);
    expect(await runConformance(CORPUS, { schemas: path.join(dir, 'none') }, env)).toBe(2);
    expect(env.stderr).toHaveLength(2);
  });
});
