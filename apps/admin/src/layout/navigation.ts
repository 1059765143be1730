import type { Session } from '../api/session';

export interface NavItem {
  to: string;
  /** A key in the `common` namespace (`nav.*`). */
  labelKey: string;
  /** Who sees it; everyone signed in when absent. */
  visible?: (session: Session) => boolean;
}

export interface NavSection {
  labelKey: string;
  items: NavItem[];
}

const editors = (session: Session) => session.canEdit;
const admins = (session: Session) => session.isAdmin;

/** The side navigation, by section; items the user may not use are not shown. */
export const navSections: NavSection[] = [
  {
    labelKey: 'nav.registry',
    items: [
      { to: '/programs', labelKey: 'nav.programs' },
      { to: '/corridors', labelKey: 'nav.corridors' },
      { to: '/communities', labelKey: 'nav.communities' },
      { to: '/incidents', labelKey: 'nav.incidents' },
      { to: '/import', labelKey: 'nav.import', visible: editors },
    ],
  },
  {
    labelKey: 'nav.analysis',
    items: [
      { to: '/map', labelKey: 'nav.map' },
      { to: '/dashboard', labelKey: 'nav.dashboard' },
    ],
  },
  {
    labelKey: 'nav.administration',
    items: [
      { to: '/admin/users', labelKey: 'nav.users', visible: admins },
      { to: '/admin/api-keys', labelKey: 'nav.apiKeys', visible: admins },
    ],
  },
];
