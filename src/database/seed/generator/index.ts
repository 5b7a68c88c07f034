export * from './dates';
export * from './generate-school';
export * from './random';
export * from './russian-names';
export * from './school-calendar';
export * from './school-reference';
export * from './contingent';
export * from './curriculum';
