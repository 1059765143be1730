import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

/** The five CARSI goals (CARSI fact sheet), stored as the numbers 1–5. */
export const goals = [
  {
    code: 1,
    en: 'Safe streets for the citizens of the region',
    es: 'Calles seguras para los ciudadanos de la región',
  },
  {
    code: 2,
    en: 'Disrupt the movement of criminals and contraband within and between the nations of Central America',
    es: 'Desarticular el movimiento de delincuentes y contrabando dentro de las naciones de Centroamérica y entre ellas',
  },
  {
    code: 3,
    en: 'Strong, capable and accountable Central American governments',
    es: 'Gobiernos centroamericanos fuertes, capaces y que rinden cuentas',
  },
  {
    code: 4,
    en: 'Re-establish effective state presence and security in communities at risk',
    es: 'Restablecer la presencia efectiva del Estado y la seguridad en las comunidades en riesgo',
  },
  {
    code: 5,
    en: 'Enhanced security and rule-of-law coordination and cooperation between the nations of the region',
    es: 'Mayor coordinación y cooperación en seguridad y Estado de derecho entre las naciones de la región',
  },
] as const satisfies readonly CodeEntry<number>[];

export const Goal = codeUnion(goals, { title: 'Goal' });
export type Goal = Static<typeof Goal>;
