import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRegistries, type CliEnvironment } from './cli-context';
import type { FileTranslateOptions, ParseMode } from './file-result';

/** Test helpers shared by the CLI specs: fixture paths, options, a recording environment. */
export const FIXTURES = path.join(__dirname, '__fixtures__');
export const CORPUS = path.join(FIXTURES, 'corpus');
export const SEED = path.join(FIXTURES, 'seed');

export function corpusFile(name: string): Buffer {
  return readFileSync(path.join(CORPUS, name));
}

/** The IFTSTA fixture with one piece of text replaced (a wrong UNT count, another code). */
export function iftstaWith(from: string, to: string): Buffer {
  const text = corpusFile('iftsta-d99b-shanghai.edi').toString('latin1');
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return Buffer.from(text.replace(from, to), 'latin1');
}

/** UNT says 15 segments where the message has 16: strict refuses it, lenient takes it. */
export const MISCOUNTED_IFTSTA = (): Buffer => iftstaWith("UNT+16+1'", "UNT+15+1'");

/** A fresh temporary folder for each test of the enclosing describe, removed after it. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradehub-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

const registries = createRegistries();

export function fileOptions(mode: ParseMode = 'strict'): FileTranslateOptions {
  return { ...registries, mode, partnerId: 'cli', receivedAt: '2025-06-02T12:00:00Z' };
}

export interface RecordingEnvironment extends CliEnvironment {
  stdout: string[];
  stderr: string[];
}

/** A CLI environment that records output, with a fixed clock and the fixture seed folder. */
export function recordingEnvironment(): RecordingEnvironment {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    io: { out: (line) => stdout.push(line), err: (line) => stderr.push(line) },
    seedDir: SEED,
    seedVariables: {},
    now: () => new Date('2025-06-02T12:00:00Z'),
  };
}

/** A free-format MT999: a message type no mapping takes. */
export const MT999_FREE_FORMAT = Buffer.from(
  '{1:F01ICBKCNBJAXXX0000000000}{2:I999CHASUS33XXXXN}{4:\r\n:20:CLI999-0001\r\n' +
    ':79:PLEASE CALL US ABOUT\r\nYOUR STATEMENT\r\n-}',
);
