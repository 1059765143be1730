import { defineAtlasConfig } from '@atlas/vitest-config';

export default defineAtlasConfig();
