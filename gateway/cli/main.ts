import type { CliEnvironment } from './cli-context';
import { buildProgram } from './program';

// Exit status of a crash: distinct from 1 (files with errors) and 2 (usage).
const CRASHED = 3;

// The CLI's boot: the only place it reads the process (environment, stdout, exit status).
function environment(): CliEnvironment {
  const seedVariables = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('TRADEHUB_SEED_') && e[1] !== undefined,
    ),
  );
  return {
    io: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    seedDir: process.env.PARTNER_SEED_DIR ?? 'gateway/seed',
    seedVariables,
    now: () => new Date(),
  };
}

// `tradehub ... | head` closes the pipe early; that is not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

buildProgram(environment(), (status) => {
  process.exitCode = status;
})
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(
      `tradehub crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = CRASHED;
  });
