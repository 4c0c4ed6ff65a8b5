import { ConfigError, loadConfig } from '../core/config/config';
import { startGateway } from './bootstrap';

// The only place that reads process.env: a bad variable stops the boot naming all of them.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await startGateway(config);
  const url = await app.getUrl();
  process.stdout.write(`TradeHub gateway listening on ${url} (health: ${url}/health)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `TradeHub failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
