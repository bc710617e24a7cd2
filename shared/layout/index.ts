export * from './arrange';
export * from './flow';
