import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

/** The three CARSI program lines. */
export const programLines = [
  {
    code: 'enforcement',
    en: 'Law enforcement and security force assistance',
    es: 'Aplicación de la ley y asistencia a las fuerzas de seguridad',
  },
  {
    code: 'capacity',
    en: 'Capacity of public security, justice and rule-of-law institutions',
    es: 'Capacidad de las instituciones de seguridad pública, justicia y Estado de derecho',
  },
  {
    code: 'prevention',
    en: 'Community policing, gang prevention and at-risk youth',
    es: 'Policía comunitaria, prevención de pandillas y jóvenes en riesgo',
  },
] as const satisfies readonly CodeEntry<string>[];

export const ProgramLine = codeUnion(programLines, { title: 'ProgramLine' });
export type ProgramLine = Static<typeof ProgramLine>;

export const programStatuses = [
  { code: 'planned', en: 'Planned', es: 'Planificado' },
  { code: 'active', en: 'Active', es: 'Activo' },
  { code: 'completed', en: 'Completed', es: 'Finalizado' },
  { code: 'suspended', en: 'Suspended', es: 'Suspendido' },
] as const satisfies readonly CodeEntry<string>[];

export const ProgramStatus = codeUnion(programStatuses, { title: 'ProgramStatus' });
export type ProgramStatus = Static<typeof ProgramStatus>;

/** The US implementing agency of a program. */
export const agencies = [
  {
    code: 'INL',
    en: 'State Department, Bureau of International Narcotics and Law Enforcement Affairs (INL)',
    es: 'Departamento de Estado, Oficina de Asuntos Internacionales de Narcóticos y Aplicación de la Ley (INL)',
  },
  {
    code: 'USAID',
    en: 'U.S. Agency for International Development (USAID)',
    es: 'Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)',
  },
  { code: 'DOD', en: 'Department of Defense', es: 'Departamento de Defensa' },
  { code: 'DOJ', en: 'Department of Justice', es: 'Departamento de Justicia' },
  { code: 'DHS', en: 'Department of Homeland Security', es: 'Departamento de Seguridad Nacional' },
  {
    code: 'STATE_OTHER',
    en: 'State Department, other bureaus',
    es: 'Departamento de Estado, otras oficinas',
  },
] as const satisfies readonly CodeEntry<string>[];

export const Agency = codeUnion(agencies, { title: 'Agency' });
export type Agency = Static<typeof Agency>;
