export * from './code-list';
export * from './countries';
export * from './goals';
export * from './programs';
export * from './funding';
export * from './threats';
export * from './geo-precisions';
export * from './access';
