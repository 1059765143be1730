// Every benchmark case. Adding one: write a BenchCase (see types.ts and rest.ts) and list it here.
import { analysisCases } from './analysis';
import { ogcCases } from './ogc';
import { restCases } from './rest';
import { tileCases } from './tiles';
import type { BenchCase } from './types';

export const allCases: BenchCase[] = [...restCases, ...tileCases, ...ogcCases, ...analysisCases];
