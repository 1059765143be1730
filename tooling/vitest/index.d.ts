import type { UserConfig } from 'vitest/config';
export declare function defineAtlasConfig(config?: UserConfig): UserConfig;
