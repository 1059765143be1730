import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

/** The four US foreign-assistance accounts that fund CARSI. */
export const fundingAccounts = [
  {
    code: 'INCLE',
    en: 'International Narcotics Control and Law Enforcement',
    es: 'Control Internacional de Narcóticos y Aplicación de la Ley',
  },
  { code: 'ESF', en: 'Economic Support Fund', es: 'Fondo de Apoyo Económico' },
  {
    code: 'NADR',
    en: 'Nonproliferation, Anti-terrorism, Demining and Related Programs',
    es: 'No Proliferación, Antiterrorismo, Desminado y Programas Relacionados',
  },
  { code: 'FMF', en: 'Foreign Military Financing', es: 'Financiamiento Militar Extranjero' },
] as const satisfies readonly CodeEntry<string>[];

export const FundingAccount = codeUnion(fundingAccounts, { title: 'FundingAccount' });
export type FundingAccount = Static<typeof FundingAccount>;

/** Funding stages, in the order money moves: committed ≥ obligated ≥ disbursed. */
export const fundingStages = [
  { code: 'committed', en: 'Committed', es: 'Comprometido' },
  { code: 'obligated', en: 'Obligated', es: 'Obligado' },
  { code: 'disbursed', en: 'Disbursed', es: 'Desembolsado' },
] as const satisfies readonly CodeEntry<string>[];

export const FundingStage = codeUnion(fundingStages, { title: 'FundingStage' });
export type FundingStage = Static<typeof FundingStage>;
