export { default } from '@atlas/eslint-config/react';
