// Row counts of every table and an order-independent checksum of every geometry column: two
// databases with the same state give the same answer.
import pg from 'pg';

export async function tableState(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const state: Record<string, string> = {};
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    for (const { name } of tables.rows) {
      const count = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM public.${client.escapeIdentifier(name)}`,
      );
      state[`${name}.rows`] = count.rows[0]?.n ?? '?';
    }
    const geometries = await client.query<{ table: string; column: string }>(
      `SELECT f_table_name AS table, f_geometry_column AS column FROM geometry_columns
       WHERE f_table_schema = 'public' ORDER BY 1, 2`,
    );
    for (const { table, column } of geometries.rows) {
      const sum = await client.query<{ sum: string | null }>(
        `SELECT md5(string_agg(h, '' ORDER BY h)) AS sum
         FROM (SELECT md5(ST_AsEWKB(${client.escapeIdentifier(column)})::text) AS h
               FROM public.${client.escapeIdentifier(table)}) hashes`,
      );
      state[`${table}.${column}`] = sum.rows[0]?.sum ?? 'empty';
    }
    return state;
  } finally {
    await client.end();
  }
}
