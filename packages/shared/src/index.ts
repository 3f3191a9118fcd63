export * from './roles';
export * from './uscc';
export * from './registry';
export * from './conformance';
export * from './places';
export * from './designations';
export * from './secrets';
export * from './programme';
