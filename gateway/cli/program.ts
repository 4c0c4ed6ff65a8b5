import { Command } from 'commander';
import type { CliEnvironment } from './cli-context';
import { runConformance } from './conformance.command';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runSchemas } from './schemas.command';

// The shared corpus sits beside its official schemas (../shared/corpus, ../shared/schemas):
// what the corpus holds is checked against them unless asked not to.
function schemaFolder(corpus: string, option: string | boolean | undefined): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return option;
  const beside = join(corpus, '..', 'schemas');
  return existsSync(beside) ? beside : undefined;
}
import { runTranslate } from './translate.command';

/**
 * The `tradehub` command line: translate, conformance, schemas. Each action hands its exit
 * status to `exit`; the program itself never touches the process.
 */
export function buildProgram(env: CliEnvironment, exit: (status: number) => void): Command {
  const program = new Command('tradehub')
    .description('TradeHub developer and operator tools')
    .option('--seed-dir <dir>', 'partner seed folder (PARTNER_SEED_DIR layout)');
  const withSeed = (): CliEnvironment => {
    const seedDir = program.opts<{ seedDir?: string }>().seedDir;
    return seedDir ? { ...env, seedDir } : env;
  };

  program
    .command('translate')
    .description('detect, parse, map and validate a file or every file under a folder')
    .argument('<path>', 'file or folder')
    .option('--partner <id>', "apply this seed partner's format hints and settings")
    .option('--json', 'one JSON object per line and file')
    .option('--lenient', 'relax envelope checks (EDIFACT counts, X12 control numbers)')
    .action(async (path: string, opts: { partner?: string; json?: boolean; lenient?: boolean }) =>
      exit(await runTranslate(path, opts, withSeed())),
    );

  program
    .command('conformance')
    .description('run every file of a folder and print a table per format and message type')
    .argument('<dir>', 'folder of sample files (NEG-* files are expected to fail)')
    .option('--partner <id>', "apply this seed partner's format hints and settings")
    .option(
      '--schemas <dir>',
      'XSD folder: validate ISO 20022 and CEB files against it (default: a `schemas` folder beside the corpus folder, when there is one)',
    )
    .option('--no-schemas', 'skip XSD validation')
    .action(async (dir: string, opts: { partner?: string; schemas?: string | boolean }) =>
      exit(
        await runConformance(
          dir,
          { partner: opts.partner, schemas: schemaFolder(dir, opts.schemas) },
          withSeed(),
        ),
      ),
    );

  program
    .command('schemas')
    .description('write every canonical JSON Schema, index.json and README.md to a folder')
    .argument('<dir>', 'output folder, e.g. docs/schemas')
    .action(async (dir: string) => exit(await runSchemas(dir, env.io)));

  return program;
}
