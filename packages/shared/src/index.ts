export * from './roles';
export * from './uscc';
export * from './registry';
