export * from './estimate';
export * from './price-list';
export * from './prices';
