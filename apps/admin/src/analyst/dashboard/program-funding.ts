// The funding rows of the filtered programs. The program list answers only each program's
// totals by stage, so the rows (fiscal year, account, stage) come from the program export, which
// reads whole records like GET /programs/{id} but takes a selection of ids: one request per
// hundred programs instead of one per program.
import type { FundingRow } from '@atlas/domain';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../../api/client';

/** Ids per request: ~3.7 kB of query string, well under any proxy's URL limit. */
const BATCH = 100;

/** A funding row as the JSON arrives (dollars may be strings: bigint columns). */
type ExportedRow = Omit<FundingRow, 'amountUsd'> & { amountUsd: number | string };

interface ExportedPrograms {
  features: { properties: { id: string; funding?: ExportedRow[] } }[];
}

/** Funding rows by program id, for the given programs. */
export async function fetchProgramFunding(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, FundingRow[]>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const path = `/exports/programs?format=geojson&ids=${batch.join(',')}`;
      const { data } = await apiJson<ExportedPrograms>(path, {
        signal,
        headers: { accept: 'application/geo+json' },
      });
      return data.features;
    }),
  );
  const rows = new Map<string, FundingRow[]>();
  for (const { properties } of answers.flat()) {
    rows.set(
      properties.id,
      (properties.funding ?? []).map((row) => ({ ...row, amountUsd: Number(row.amountUsd) })),
    );
  }
  return rows;
}

export function useProgramFunding(ids: readonly string[] | undefined) {
  const sorted = ids ? [...ids].sort() : undefined;
  return useQuery({
    queryKey: ['analyst', 'program-funding', sorted],
    queryFn: ({ signal }) => fetchProgramFunding(sorted ?? [], signal),
    enabled: sorted !== undefined,
    placeholderData: (previous) => previous,
  });
}
