// `pnpm --filter @atlas/db migrate`: applies pending migrations to DATABASE_URL, or to the
// embedded database in ATLAS_DATA_DIR (default ./.atlas-data, git-ignored). Exits non-zero with the reason.
import { openDatabase } from '../open';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.ATLAS_DATA_DIR ?? '.atlas-data';
  // openDatabase migrates to the latest version before it returns.
  const adb = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await adb.close();
  process.stdout.write(`migrations applied (${adb.mode})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
