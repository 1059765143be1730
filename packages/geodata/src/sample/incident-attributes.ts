import type { IncidentKind, Threat } from '@atlas/domain';
import type { Random } from './prng';

export interface IncidentAttributes {
  threat: Threat | null;
  quantity: number | null;
  unit: string | null;
}

const logNormal = (random: Random, median: number, sd: number) =>
  Math.exp(random.normal(Math.log(median), sd));

function seizure(random: Random, atSea: boolean): IncidentAttributes {
  const threat = random.weighted<Threat>(['narcotics', 'firearms', 'bulk_cash'], (t) =>
    t === 'narcotics' ? 0.78 : t === 'firearms' ? 0.13 : 0.09,
  );
  if (threat === 'firearms') return { threat, quantity: random.int(1, 40), unit: 'firearms' };
  if (threat === 'bulk_cash') {
    return {
      threat,
      quantity: Math.round(logNormal(random, 200_000, 1) / 1000) * 1000,
      unit: 'USD',
    };
  }
  // Maritime loads are larger than what moves by road (TOCTA 2012).
  const kg = logNormal(random, atSea ? 600 : 120, 1.1);
  return { threat, quantity: Math.max(1, Math.round(kg)), unit: 'kg' };
}

/** Threat, quantity and unit of an incident, by kind and setting. */
export function attributesOf(
  kind: IncidentKind,
  random: Random,
  setting: 'corridor' | 'sea' | 'community',
): IncidentAttributes {
  switch (kind) {
    case 'seizure':
      return seizure(random, setting === 'sea');
    case 'trafficking_event':
      return {
        threat: random.weighted<Threat>(['narcotics', 'human_smuggling', 'firearms'], (t) =>
          t === 'narcotics' ? 0.6 : t === 'human_smuggling' ? 0.3 : 0.1,
        ),
        quantity: null,
        unit: null,
      };
    case 'arrest':
      return {
        threat:
          setting === 'community'
            ? random.pick<Threat>(['gangs', 'gangs', 'extortion'])
            : random.pick<Threat>(['narcotics', 'narcotics', 'human_smuggling', 'bulk_cash']),
        quantity: random.int(1, 6),
        unit: 'persons',
      };
    case 'clandestine_airstrip':
      return { threat: 'narcotics', quantity: random.int(60, 160) * 10, unit: 'm' };
    case 'homicide':
      return {
        threat: random.chance(0.5) ? 'gangs' : null,
        quantity: random.chance(0.85) ? 1 : random.int(2, 4),
        unit: 'victims',
      };
    case 'extortion':
      return { threat: 'extortion', quantity: null, unit: null };
  }
}
