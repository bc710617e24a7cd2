export * from './diagram-model';
export * from './compute';
