import type { ConfidenceLevel, CorridorMode, Threat } from '@atlas/domain';

/**
 * Hand-drawn trafficking corridors after public route descriptions. Waypoints are [lon, lat]
 * at towns, border crossings and open sea; they sketch a route, not an operational picture.
 * A route with several `paths` becomes a MultiLineString.
 */
export interface CorridorRoute {
  key: string;
  name: string;
  mode: CorridorMode;
  threats: Threat[];
  confidence: ConfidenceLevel;
  source: string;
  validFrom: string;
  validTo: string | null;
  description: string;
  paths: [number, number][][];
}

const TOCTA = 'UNODC, Transnational Organized Crime in Central America and the Caribbean (2012)';
const INCSR = 'U.S. Department of State, INCSR 2012 and 2013, vol. I';
const PRESS = 'Press reports 2011–2013 summarized in UNODC TOCTA (2012)';
/** Departure area of the cocaine flights: Apure, Venezuela. */
const APURE = '-69.25 7.9';

/** Parses `'lon lat, lon lat, …'` into positions (keeps the waypoint lists compact). */
function line(text: string): [number, number][] {
  return text.split(',').map((pair) => {
    const [lon, lat] = pair.trim().split(/\s+/).map(Number);
    return [lon!, lat!];
  });
}

export const corridorRoutes: readonly CorridorRoute[] = [
  {
    key: 'panamerican-gt-mx',
    name: 'Pan-American Highway, Guatemala City – La Mesilla – Chiapas',
    mode: 'land',
    threats: ['narcotics', 'human_smuggling', 'bulk_cash', 'firearms'],
    confidence: 'high',
    source: TOCTA,
    validFrom: '2006-01-01',
    validTo: null,
    description: 'Trucks and buses on CA-1 through the western highlands to the Mexican border.',
    paths: [
      line(
        '-90.513 14.641, -90.819 14.661, -91.155 14.781, -91.434 14.916, -91.472 15.319, -91.755 15.483, -91.978 15.636, -91.994 15.666, -92.135 16.252, -92.638 16.737, -93.116 16.753',
      ),
    ],
  },
  {
    key: 'pacific-ca2',
    name: 'Pacific coastal highway CA-2, San Salvador – Tecún Umán – Tapachula',
    mode: 'land',
    threats: ['narcotics', 'human_smuggling', 'bulk_cash'],
    confidence: 'high',
    source: TOCTA,
    validFrom: '2006-01-01',
    validTo: null,
    description:
      'Coastal highway through Escuintla, Suchitepéquez and Retalhuleu to Ciudad Hidalgo.',
    paths: [
      line(
        '-89.191 13.699, -89.724 13.718, -90.089 13.862, -90.47 14.08, -90.785 14.305, -91.196 14.352, -91.504 14.534, -91.677 14.536, -91.864 14.703, -92.144 14.682, -92.263 14.906',
      ),
    ],
  },
  {
    key: 'belize-peten-tabasco',
    name: 'Belize – Melchor de Mencos – Petén – Tenosique',
    mode: 'land',
    threats: ['narcotics', 'firearms', 'human_smuggling'],
    confidence: 'medium',
    source: TOCTA,
    validFrom: '2007-01-01',
    validTo: null,
    description:
      'From the Belize coast across Cayo into Petén and on to Tabasco by El Naranjo or El Ceibo.',
    paths: [
      line(
        '-88.197 17.499, -88.768 17.251, -89.143 17.075, -89.54 16.99, -89.888 16.929, -90.123 16.788, -90.5 17.0, -90.813 17.23, -91.13 17.258, -91.424 17.475, -92.93 17.989',
      ),
    ],
  },
  {
    key: 'izabal-peten',
    name: 'Atlantic Highway, Puerto Barrios – Río Dulce – Poptún – Flores',
    mode: 'land',
    threats: ['narcotics', 'firearms'],
    confidence: 'medium',
    source: TOCTA,
    validFrom: '2007-01-01',
    validTo: null,
    description: 'From the Izabal coast and the Honduran border north through Petén.',
    paths: [
      line(
        '-88.034 15.505, -88.3 15.55, -88.62 15.7, -88.819 15.476, -88.99 15.66, -89.35 16.0, -89.424 16.327, -89.65 16.64, -89.888 16.929',
      ),
    ],
  },
  {
    key: 'copan-zacapa-quetzal',
    name: 'Copán – Chiquimula – Zacapa – Guatemala City – Puerto Quetzal',
    mode: 'land',
    threats: ['narcotics', 'bulk_cash', 'corruption'],
    confidence: 'medium',
    source: INCSR,
    validFrom: '2008-01-01',
    validTo: null,
    description:
      'Eastern Guatemala route from the Honduran border to the capital and the Pacific port.',
    paths: [
      line(
        '-88.779 14.773, -89.155 14.62, -89.545 14.8, -89.529 14.972, -90.07 14.85, -90.513 14.641, -90.785 14.305, -90.785 13.94',
      ),
    ],
  },
  {
    key: 'panamerican-pa-sv',
    name: 'Pan-American Highway, Panama City – Peñas Blancas – Managua – San Salvador',
    mode: 'land',
    threats: ['narcotics', 'human_smuggling', 'bulk_cash'],
    confidence: 'high',
    source: TOCTA,
    validFrom: '2006-01-01',
    validTo: null,
    description:
      'Containers and hidden compartments on the isthmus trunk road, crossing five borders.',
    paths: [
      line(
        '-79.52 8.98, -80.43 8.51, -80.97 8.1, -82.43 8.43, -82.84 8.53, -83.47 8.96, -83.7 9.37, -84.08 9.93, -84.83 10.1, -85.44 10.63, -85.66 11.21, -85.83 11.44, -86.27 12.13, -86.35 12.9, -86.36 13.09, -86.58 13.48, -86.86 13.49, -87.19 13.3, -87.45 13.42, -87.76 13.6, -88.18 13.48, -88.6 13.57, -89.19 13.7',
      ),
    ],
  },
  {
    key: 'honduras-north-coast',
    name: 'Honduran Caribbean coast road, Trujillo – La Ceiba – San Pedro Sula',
    mode: 'land',
    threats: ['narcotics', 'gangs', 'extortion'],
    confidence: 'medium',
    source: PRESS,
    validFrom: '2009-01-01',
    validTo: null,
    description: 'Loads landed in Colón and Gracias a Dios moved west along the coast to Cortés.',
    paths: [
      line(
        '-85.96 15.92, -86.0 15.68, -86.4 15.7, -86.79 15.76, -87.45 15.78, -87.8 15.6, -88.03 15.5',
      ),
    ],
  },
  {
    key: 'air-venezuela-mosquitia',
    name: 'Air route, Venezuela (Apure) – La Mosquitia',
    mode: 'air',
    threats: ['narcotics'],
    confidence: 'high',
    source: INCSR,
    validFrom: '2008-01-01',
    validTo: null,
    description: 'Most cocaine flights from South America land in Gracias a Dios.',
    paths: [line(`${APURE}, -73.5 11.8, -79.5 13.6, -83.2 15.0, -84.35 15.47`)],
  },
  {
    key: 'air-venezuela-olancho-colon',
    name: 'Air routes, Venezuela – clandestine airstrips of Olancho and Colón',
    mode: 'air',
    threats: ['narcotics', 'corruption'],
    confidence: 'medium',
    source: INCSR,
    validFrom: '2009-01-01',
    validTo: null,
    description:
      'More than 70 clandestine airstrips found in Olancho, Colón, El Paraíso and Gracias a Dios.',
    paths: [
      line(`${APURE}, -74.0 12.2, -80.5 14.6, -84.6 15.2, -85.86 14.66`),
      line(`${APURE}, -74.0 12.4, -80.8 15.3, -84.8 15.7, -86.0 15.65`),
    ],
  },
  {
    key: 'air-venezuela-panama-nicaragua',
    name: 'Air route, Venezuela – Darién – Nicaraguan Caribbean coast – Honduras',
    mode: 'air',
    threats: ['narcotics'],
    confidence: 'low',
    source: TOCTA,
    validFrom: '2010-01-01',
    validTo: null,
    description:
      'Refuelling stops in Panama and on the Caribbean coast of Nicaragua before Honduras.',
    paths: [
      line(`${APURE}, -74.5 8.6, -77.9 8.3, -80.5 9.6, -83.77 12.01, -83.39 14.03, -84.35 15.47`),
    ],
  },
  {
    key: 'sea-caribbean-go-fast',
    name: 'Caribbean go-fast route, Colombian coast – Nicaraguan Rise – Gulf of Honduras – Quintana Roo',
    mode: 'maritime',
    threats: ['narcotics', 'firearms'],
    confidence: 'high',
    source: TOCTA,
    validFrom: '2006-01-01',
    validTo: null,
    description:
      'Go-fast boats hop along the Caribbean littoral, refuelling off Nicaragua and Honduras.',
    paths: [
      line(
        '-75.8 10.9, -78.5 11.6, -81.3 12.9, -82.4 14.2, -82.7 15.4, -84.2 16.2, -86.5 16.7, -87.3 17.2, -87.2 18.3, -86.6 19.6',
      ),
    ],
  },
  {
    key: 'sea-pacific-go-fast',
    name: 'Pacific go-fast route, Colombia – off Costa Rica and Nicaragua – Guatemala – Oaxaca',
    mode: 'maritime',
    threats: ['narcotics', 'bulk_cash'],
    confidence: 'high',
    source: TOCTA,
    validFrom: '2006-01-01',
    validTo: null,
    description:
      'Go-fast boats and semi-submersibles far offshore, landing on the Guatemalan coast or in Mexico.',
    paths: [
      line(
        '-79.3 3.0, -81.0 6.0, -84.2 7.6, -86.2 9.4, -88.2 11.8, -90.2 13.1, -92.2 14.0, -94.2 15.3, -96.2 15.4, -97.8 15.4',
      ),
    ],
  },
  {
    key: 'sea-pacific-fishing',
    name: 'Pacific fishing-vessel route, Gulf of Nicoya – Gulf of Fonseca – Puerto Quetzal',
    mode: 'maritime',
    threats: ['narcotics', 'human_smuggling'],
    confidence: 'medium',
    source: INCSR,
    validFrom: '2008-01-01',
    validTo: null,
    description: 'Fishing vessels moving loads close to shore between Pacific ports.',
    paths: [
      line(
        '-84.95 9.5, -85.4 9.4, -86.1 10.2, -86.6 11.3, -87.4 12.3, -87.9 12.9, -88.8 13.1, -89.8 13.4, -90.78 13.84',
      ),
    ],
  },
  {
    key: 'sea-nicaragua-honduras',
    name: 'Caribbean coastal route, Bluefields – Puerto Cabezas – Cabo Gracias a Dios – Bay Islands',
    mode: 'maritime',
    threats: ['narcotics', 'firearms'],
    confidence: 'medium',
    source: TOCTA,
    validFrom: '2008-01-01',
    validTo: null,
    description: 'Lanchas moving loads from the Nicaraguan Caribbean coast north to Honduras.',
    paths: [
      line(
        '-83.6 11.9, -83.35 12.6, -83.25 13.4, -83.2 14.2, -82.95 15.1, -83.6 15.55, -84.6 15.95, -85.7 16.2',
      ),
    ],
  },
  {
    key: 'river-coco',
    name: 'Río Coco (Wanks), Cabo Gracias a Dios – Waspam – Wiwilí',
    mode: 'riverine',
    threats: ['narcotics', 'human_smuggling'],
    confidence: 'medium',
    source: TOCTA,
    validFrom: '2008-01-01',
    validTo: null,
    description: 'Riverboats along the Honduras–Nicaragua border river from the coast inland.',
    paths: [
      line(
        '-83.24 14.98, -83.55 14.86, -83.97 14.75, -84.45 14.68, -84.9 14.62, -85.2 14.3, -85.55 13.9, -85.82 13.63',
      ),
    ],
  },
  {
    key: 'river-patuca',
    name: 'Río Patuca, Barra Patuca – Wampusirpi – Olancho',
    mode: 'riverine',
    threats: ['narcotics'],
    confidence: 'medium',
    source: INCSR,
    validFrom: '2009-01-01',
    validTo: null,
    description: 'Loads from La Mosquitia airstrips carried upriver toward Olancho.',
    paths: [
      line('-84.33 15.76, -84.38 15.46, -84.62 15.17, -84.87 15.03, -85.25 14.85, -85.65 14.66'),
    ],
  },
  {
    key: 'river-san-juan',
    name: 'Río San Juan, San Carlos – El Castillo – San Juan de Nicaragua',
    mode: 'riverine',
    threats: ['narcotics', 'human_smuggling'],
    confidence: 'low',
    source: PRESS,
    validFrom: '2010-01-01',
    validTo: '2013-12-31',
    description: 'Border river between Nicaragua and Costa Rica used by small boats.',
    paths: [line('-84.78 11.12, -84.4 11.02, -84.2 10.92, -84.0 10.78, -83.85 10.8, -83.7 10.93')],
  },
];
