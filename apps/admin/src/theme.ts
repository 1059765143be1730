import { createTheme } from '@mantine/core';

/** System fonts only: the app loads nothing from font servers. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
});
