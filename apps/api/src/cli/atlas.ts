// The `atlas` command line: bootstrap a deployment's users and API keys without demo data.
//   atlas user create --email a@b.org --name "A B" --role admin [--countries GT,HN] [--password-stdin]
//   atlas user list
//   atlas key create --name etl --role coordinator [--countries GT]   (prints the key once)
//   atlas key list
//   atlas key revoke <id>
//   atlas import <file> --collection incidents --source <name> --as <e-mail> [--commit]
// It uses the API's configuration (DATABASE_URL, or ATLAS_DATA_DIR for the embedded database;
// stop the API first in embedded mode: only one process may open that folder).
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import { ConfigError, loadConfig } from '../config';
import { runCommand, UsageError, USAGE, type CommandIo } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const config = loadConfig(process.env);
  let database: AtlasDatabase | undefined;
  const openDb = async () => {
    database ??= await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      seed: false,
    });
    return database.db;
  };
  try {
    const io: CommandIo = {
      out: (text) => process.stdout.write(`${text}\n`),
      readStdin,
      progress: (text) => process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`),
    };
    await runCommand(openDb, argv, io);
    if (process.stderr.isTTY) process.stderr.write('\n');
    return io.exitCode ?? 0;
  } finally {
    await database?.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const message =
      error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`atlas: ${message}\n`);
    process.exit(1);
  },
);
