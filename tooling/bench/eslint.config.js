export { default } from '@atlas/eslint-config/base';
