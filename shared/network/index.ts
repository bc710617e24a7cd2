export * from './ipv4-cidr';
export * from './aws-block';
