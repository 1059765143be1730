// The programs matching the shared filters: the list beside the map, the filter on the sites
// layer and the dashboard's funding all come from this one query.
import type { Program } from '@atlas/domain';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../../api/client';
import type { ViewFilters } from '../view/view-state';
import { programQuery, toSearch } from './filters';

interface ProgramPage {
  items: Program[];
  total: number;
}

const PAGE = 500;
/** A safety stop: the registry holds hundreds of programs, not tens of thousands. */
const MAX_PAGES = 40;

export async function fetchAllPrograms(
  filters: ViewFilters,
  signal?: AbortSignal,
): Promise<Program[]> {
  const programs: Program[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = { ...programQuery(filters), limit: String(PAGE), offset: String(page * PAGE) };
    const { data } = await apiJson<ProgramPage>(`/programs${toSearch(query)}`, { signal });
    programs.push(...data.items);
    if (programs.length >= data.total || data.items.length === 0) break;
  }
  return programs;
}

export function usePrograms(filters: ViewFilters) {
  return useQuery({
    queryKey: ['analyst', 'programs', filters],
    queryFn: ({ signal }) => fetchAllPrograms(filters, signal),
    placeholderData: (previous) => previous,
  });
}
