/**
 * Corrections to Natural Earth's admin-1 names, by ISO 3166-2 code. Natural Earth mixes
 * languages and carries a few wrong labels (e.g. Bocas del Toro is labelled with the
 * Ngäbe-Buglé comarca in English); official names in both languages replace them here.
 */
export const departmentNameOverrides: Readonly<Record<string, { name?: string; nameEs?: string }>> =
  {
    'PA-1': { name: 'Bocas del Toro', nameEs: 'Bocas del Toro' },
    'PA-EM': { name: 'Emberá-Wounaan', nameEs: 'Emberá-Wounaan' },
    'PA-NB': { name: 'Ngäbe-Buglé', nameEs: 'Ngäbe-Buglé' },
    'NI-AN': { name: 'North Caribbean Coast', nameEs: 'Costa Caribe Norte' },
    'NI-AS': { name: 'South Caribbean Coast', nameEs: 'Costa Caribe Sur' },
    'MX-DIF': { name: 'Mexico City', nameEs: 'Ciudad de México' },
    'MX-VER': { nameEs: 'Veracruz' },
  };
