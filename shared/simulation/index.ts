export * from './assumptions';
export * from './engine';
export * from './instance-shapes';
export * from './profiles';
export * from './read-diagram';
export * from './schedule';
export * from './strategy';
export type * from './topology';
export * from './svg-chart';
