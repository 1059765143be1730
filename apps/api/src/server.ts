// The process entry: config -> database -> app -> listen; graceful shutdown on SIGINT/SIGTERM.
import { openDatabase } from '@atlas/db';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { createLogger } from './logger';

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    seed: config.seed,
    logger: logger.child({ component: 'db' }),
  });
  const app = await buildApp({ config, database, loggerInstance: logger });

  closeWithGrace({ delay: 25_000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    await app.close(); // stop accepting requests, finish those in flight
    await database.close();
    logger.info('stopped cleanly');
  });

  const url = await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      url,
      mode: database.mode,
      ...(database.mode === 'embedded' ? { dataDir: config.dataDir } : {}),
      capabilities: database.capabilities,
      serveAdmin: config.serveAdmin,
    },
    `CARSI Atlas API listening on ${url} (${database.mode} database)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `CARSI Atlas API failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
