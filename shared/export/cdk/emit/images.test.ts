import { describe, expect, it } from 'vitest';
import { secretImporter } from './images';

describe('secretImporter', () => {
  it('imports complete ARNs, partial ARNs (no random suffix) and names each their own way', () => {
    expect(secretImporter('arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-pull-AbC123')).toBe('fromSecretCompleteArn');
    expect(secretImporter('arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-pull')).toBe('fromSecretPartialArn');
    expect(secretImporter('dockerhub/pull')).toBe('fromSecretNameV2');
  });
});
