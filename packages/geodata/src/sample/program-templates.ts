import type { Agency, FundingAccount, Goal, ProgramLine } from '@atlas/domain';

/** Bilingual text. */
export interface Bilingual {
  en: string;
  es: string;
}

export interface IndicatorTemplate {
  code: string;
  name: string;
  unit: string;
  /** Typical target; baselines and actuals are drawn around it. */
  target: number;
}

/**
 * A kind of program (invented, but modelled on the activity types named in the CARSI fact
 * sheet and GAO reports). Programs are drawn from these templates.
 */
export interface ProgramTemplate {
  key: string;
  line: ProgramLine;
  goals: Goal[];
  agency: Agency;
  accounts: FundingAccount[];
  title: Bilingual;
  summary: Bilingual;
  /** What a site of this program is, e.g. "Border post". */
  siteKinds: Bilingual[];
  /** Departments where such programs concentrate (border and coastal areas for interdiction). */
  focusDepartments?: string[];
  indicators: IndicatorTemplate[];
}

const borderDepartments =
  'GT-PE GT-HU GT-SM GT-IZ GT-ZA GT-CQ GT-JU HN-GD HN-CL HN-OL HN-OC HN-CP NI-AN NI-AS NI-SJ NI-CI CR-G CR-L PA-5 PA-4 SV-AH SV-UN BZ-CY BZ-TOL BZ-CZL'.split(
    ' ',
  );
const coastalDepartments =
  'GT-IZ GT-ES HN-AT HN-CL HN-GD HN-IB HN-CR NI-AN NI-AS CR-L CR-P PA-3 PA-1 PA-8 SV-LI SV-UN BZ-BZ BZ-SC BZ-TOL'.split(
    ' ',
  );

// prettier-ignore
export const programTemplates: readonly ProgramTemplate[] = [
  {
    key: 'border-interdiction', line: 'enforcement', goals: [2, 5], agency: 'INL', accounts: ['INCLE', 'NADR'],
    title: { en: 'Border interdiction support', es: 'Apoyo a la interdicción fronteriza' },
    summary: {
      en: 'Equipment, vehicles and training for police and customs units at land border crossings and blind spots',
      es: 'Equipo, vehículos y capacitación para unidades policiales y aduaneras en pasos fronterizos terrestres y puntos ciegos',
    },
    siteKinds: [{ en: 'Border post', es: 'Puesto fronterizo' }, { en: 'Checkpoint', es: 'Punto de control' }],
    focusDepartments: borderDepartments,
    indicators: [
      { code: 'OFFICERS_TRAINED', name: 'Border officers trained', unit: 'officers', target: 400 },
      { code: 'CROSSINGS_EQUIPPED', name: 'Crossings equipped with scanners', unit: 'crossings', target: 6 },
    ],
  },
  {
    key: 'maritime-interdiction', line: 'enforcement', goals: [2], agency: 'DOD', accounts: ['FMF', 'INCLE'],
    title: { en: 'Maritime interdiction capability', es: 'Capacidad de interdicción marítima' },
    summary: {
      en: 'Interceptor boats, maintenance and crew training for naval and coast guard units on the Caribbean and Pacific littorals',
      es: 'Lanchas interceptoras, mantenimiento y formación de tripulaciones para unidades navales y de guardacostas en los litorales del Caribe y del Pacífico',
    },
    siteKinds: [{ en: 'Naval base', es: 'Base naval' }, { en: 'Coast guard station', es: 'Estación de guardacostas' }],
    focusDepartments: coastalDepartments,
    indicators: [
      { code: 'BOATS_DELIVERED', name: 'Interceptor boats delivered', unit: 'boats', target: 8 },
      { code: 'PATROL_DAYS', name: 'Patrol days at sea', unit: 'days', target: 900 },
    ],
  },
  {
    key: 'vetted-units', line: 'enforcement', goals: [2, 3], agency: 'DOJ', accounts: ['INCLE'],
    title: { en: 'Vetted investigative units', es: 'Unidades de investigación verificadas' },
    summary: {
      en: 'Polygraph-vetted police units investigating transnational trafficking organizations, with mentoring by U.S. agents',
      es: 'Unidades policiales verificadas con polígrafo que investigan organizaciones de tráfico transnacional, con acompañamiento de agentes estadounidenses',
    },
    siteKinds: [{ en: 'Vetted unit office', es: 'Oficina de unidad verificada' }],
    indicators: [
      { code: 'CASES_OPENED', name: 'Investigations opened', unit: 'cases', target: 60 },
      { code: 'AGENTS_VETTED', name: 'Agents vetted', unit: 'agents', target: 120 },
    ],
  },
  {
    key: 'port-security', line: 'enforcement', goals: [2, 5], agency: 'DHS', accounts: ['NADR', 'INCLE'],
    title: { en: 'Port and container security', es: 'Seguridad portuaria y de contenedores' },
    summary: {
      en: 'Container targeting, non-intrusive inspection equipment and export-control training at seaports and airports',
      es: 'Selección de contenedores, equipos de inspección no intrusiva y formación en control de exportaciones en puertos y aeropuertos',
    },
    siteKinds: [{ en: 'Port inspection facility', es: 'Instalación de inspección portuaria' }],
    focusDepartments: coastalDepartments,
    indicators: [
      { code: 'CONTAINERS_INSPECTED', name: 'Containers inspected', unit: 'containers', target: 5000 },
    ],
  },
  {
    key: 'airstrip-interdiction', line: 'enforcement', goals: [2], agency: 'DOD', accounts: ['FMF'],
    title: { en: 'Clandestine airstrip interdiction', es: 'Interdicción de pistas clandestinas' },
    summary: {
      en: 'Radar coverage, helicopter support and engineering teams to detect and disable clandestine airstrips',
      es: 'Cobertura de radar, apoyo de helicópteros y equipos de ingeniería para detectar e inhabilitar pistas clandestinas',
    },
    siteKinds: [{ en: 'Forward operating base', es: 'Base de operaciones avanzada' }, { en: 'Radar site', es: 'Sitio de radar' }],
    focusDepartments: ['HN-GD', 'HN-OL', 'HN-CL', 'HN-EP', 'GT-PE', 'NI-AN', 'NI-AS'],
    indicators: [
      { code: 'AIRSTRIPS_DISABLED', name: 'Airstrips disabled', unit: 'airstrips', target: 25 },
    ],
  },
  {
    key: 'firearms-tracing', line: 'enforcement', goals: [1, 2], agency: 'DOJ', accounts: ['INCLE', 'NADR'],
    title: { en: 'Firearms tracing and control', es: 'Rastreo y control de armas de fuego' },
    summary: {
      en: 'Firearms tracing, ballistic identification and destruction of seized weapons',
      es: 'Rastreo de armas de fuego, identificación balística y destrucción de armas incautadas',
    },
    siteKinds: [{ en: 'Ballistics laboratory', es: 'Laboratorio de balística' }],
    indicators: [
      { code: 'TRACES_SUBMITTED', name: 'Firearms trace requests submitted', unit: 'requests', target: 1500 },
      { code: 'WEAPONS_DESTROYED', name: 'Seized weapons destroyed', unit: 'weapons', target: 3000 },
    ],
  },
  {
    key: 'police-professionalization', line: 'capacity', goals: [3, 1], agency: 'INL', accounts: ['INCLE'],
    title: { en: 'Police professionalization', es: 'Profesionalización policial' },
    summary: {
      en: 'Academy curricula, instructor development and internal affairs units for the national police',
      es: 'Planes de estudio de la academia, formación de instructores y unidades de asuntos internos de la policía nacional',
    },
    siteKinds: [{ en: 'Police academy', es: 'Academia de policía' }, { en: 'Police station', es: 'Estación de policía' }],
    indicators: [
      { code: 'CADETS_GRADUATED', name: 'Cadets graduated', unit: 'cadets', target: 800 },
      { code: 'INSTRUCTORS_CERTIFIED', name: 'Instructors certified', unit: 'instructors', target: 40 },
    ],
  },
  {
    key: 'prosecutor-training', line: 'capacity', goals: [3], agency: 'DOJ', accounts: ['INCLE', 'ESF'],
    title: { en: 'Prosecutor and judicial training', es: 'Formación de fiscales y jueces' },
    summary: {
      en: 'Training of prosecutors and judges in the accusatory criminal procedure, case management and witness protection',
      es: 'Formación de fiscales y jueces en el proceso penal acusatorio, gestión de casos y protección de testigos',
    },
    siteKinds: [{ en: "Prosecutor's office", es: 'Fiscalía' }, { en: 'Courthouse', es: 'Juzgado' }],
    indicators: [
      { code: 'PROSECUTORS_TRAINED', name: 'Prosecutors trained', unit: 'prosecutors', target: 250 },
      { code: 'CONVICTION_RATE', name: 'Conviction rate in supported courts', unit: 'percent', target: 30 },
    ],
  },
  {
    key: 'prison-management', line: 'capacity', goals: [3, 1], agency: 'INL', accounts: ['INCLE'],
    title: { en: 'Prison management reform', es: 'Reforma de la gestión penitenciaria' },
    summary: {
      en: 'Classification of inmates, control of contraband and training of corrections staff',
      es: 'Clasificación de internos, control del contrabando y capacitación del personal penitenciario',
    },
    siteKinds: [{ en: 'Prison', es: 'Centro penitenciario' }],
    indicators: [
      { code: 'GUARDS_TRAINED', name: 'Corrections staff trained', unit: 'staff', target: 300 },
    ],
  },
  {
    key: 'forensics', line: 'capacity', goals: [3, 5], agency: 'DOJ', accounts: ['INCLE', 'ESF'],
    title: { en: 'Forensic science capacity', es: 'Capacidad en ciencias forenses' },
    summary: {
      en: 'Equipment and accreditation support for forensic laboratories and crime-scene units',
      es: 'Equipos y apoyo a la acreditación de laboratorios forenses y unidades de escena del crimen',
    },
    siteKinds: [{ en: 'Forensic laboratory', es: 'Laboratorio forense' }],
    indicators: [
      { code: 'SAMPLES_PROCESSED', name: 'Forensic samples processed', unit: 'samples', target: 4000 },
    ],
  },
  {
    key: 'anti-money-laundering', line: 'capacity', goals: [3, 5], agency: 'STATE_OTHER', accounts: ['INCLE', 'ESF'],
    title: { en: 'Financial intelligence and anti-money laundering', es: 'Inteligencia financiera y lucha contra el lavado de dinero' },
    summary: {
      en: 'Support to financial intelligence units, asset forfeiture and bulk-cash smuggling investigations',
      es: 'Apoyo a unidades de inteligencia financiera, extinción de dominio e investigaciones de contrabando de efectivo',
    },
    siteKinds: [{ en: 'Financial intelligence unit', es: 'Unidad de inteligencia financiera' }],
    indicators: [
      { code: 'REPORTS_ANALYZED', name: 'Suspicious transaction reports analyzed', unit: 'reports', target: 2000 },
    ],
  },
  {
    key: 'regional-coordination', line: 'capacity', goals: [5, 3], agency: 'STATE_OTHER', accounts: ['ESF', 'INCLE'],
    title: { en: 'Regional security coordination', es: 'Coordinación regional de seguridad' },
    summary: {
      en: 'Information sharing, joint exercises and exchanges among the security institutions of the region',
      es: 'Intercambio de información, ejercicios conjuntos e intercambios entre las instituciones de seguridad de la región',
    },
    siteKinds: [{ en: 'Coordination center', es: 'Centro de coordinación' }],
    indicators: [
      { code: 'JOINT_OPERATIONS', name: 'Joint operations held', unit: 'operations', target: 12 },
    ],
  },
  {
    key: 'community-policing', line: 'prevention', goals: [4, 1], agency: 'INL', accounts: ['INCLE', 'ESF'],
    title: { en: 'Model police precincts and community policing', es: 'Comisarías modelo y policía comunitaria' },
    summary: {
      en: 'Model precincts that pair intensive community policing with local crime-prevention committees',
      es: 'Comisarías modelo que combinan la policía comunitaria intensiva con comités locales de prevención del delito',
    },
    siteKinds: [{ en: 'Model precinct', es: 'Comisaría modelo' }],
    indicators: [
      { code: 'COMMITTEES_FORMED', name: 'Community safety committees formed', unit: 'committees', target: 30 },
      { code: 'HOMICIDE_CHANGE', name: 'Reduction of homicides in the precinct', unit: 'percent', target: 20 },
    ],
  },
  {
    key: 'gang-prevention', line: 'prevention', goals: [4, 1], agency: 'INL', accounts: ['INCLE'],
    title: { en: 'Gang resistance education', es: 'Educación para resistir a las pandillas' },
    summary: {
      en: 'School-based gang resistance education taught by trained police officers',
      es: 'Educación escolar para resistir a las pandillas impartida por policías capacitados',
    },
    siteKinds: [{ en: 'School', es: 'Escuela' }],
    indicators: [
      { code: 'STUDENTS_REACHED', name: 'Students completing the curriculum', unit: 'students', target: 20000 },
    ],
  },
  {
    key: 'youth-outreach', line: 'prevention', goals: [4], agency: 'USAID', accounts: ['ESF'],
    title: { en: 'Youth outreach centers', es: 'Centros de alcance juvenil' },
    summary: {
      en: 'Community outreach centers offering after-school activities, mentoring and vocational training to at-risk youth',
      es: 'Centros comunitarios de alcance con actividades extraescolares, mentoría y formación vocacional para jóvenes en riesgo',
    },
    siteKinds: [{ en: 'Outreach center', es: 'Centro de alcance' }],
    focusDepartments: ['HN-CR', 'HN-FM', 'HN-AT', 'SV-SS', 'SV-LI', 'SV-SA', 'GT-GU', 'GT-ES', 'GT-IZ', 'BZ-BZ', 'PA-3', 'PA-8'],
    indicators: [
      { code: 'YOUTH_ENROLLED', name: 'Youth enrolled', unit: 'youth', target: 3000 },
      { code: 'CENTERS_OPEN', name: 'Centers operating', unit: 'centers', target: 10 },
    ],
  },
  {
    key: 'workforce', line: 'prevention', goals: [4, 1], agency: 'USAID', accounts: ['ESF'],
    title: { en: 'Workforce development for at-risk youth', es: 'Formación laboral para jóvenes en riesgo' },
    summary: {
      en: 'Job skills, apprenticeships and placement with local employers for young people in high-crime neighborhoods',
      es: 'Competencias laborales, pasantías y colocación con empleadores locales para jóvenes de barrios con alta criminalidad',
    },
    siteKinds: [{ en: 'Training center', es: 'Centro de formación' }],
    indicators: [
      { code: 'YOUTH_PLACED', name: 'Youth placed in jobs', unit: 'youth', target: 1200 },
    ],
  },
  {
    key: 'municipal-prevention', line: 'prevention', goals: [4, 3], agency: 'USAID', accounts: ['ESF', 'INCLE'],
    title: { en: 'Municipal crime prevention plans', es: 'Planes municipales de prevención de la violencia' },
    summary: {
      en: 'Municipal violence observatories, prevention councils and small public-space improvements',
      es: 'Observatorios municipales de la violencia, consejos de prevención y pequeñas mejoras de espacios públicos',
    },
    siteKinds: [{ en: 'Municipal prevention office', es: 'Oficina municipal de prevención' }, { en: 'Recovered public space', es: 'Espacio público recuperado' }],
    indicators: [
      { code: 'PLANS_ADOPTED', name: 'Municipal prevention plans adopted', unit: 'plans', target: 15 },
    ],
  },
];
