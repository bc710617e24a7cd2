import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'ecr-immutable-latest';

describe(RULE, () => {
  it('warns when an immutable repository deploys the latest tag, and makes the tags mutable', () => {
    const d = diagram();
    const repository = d.add('ecr-repository', {
      in: d.add('region'),
      label: 'web',
      props: { tag: 'latest', imageTagMutability: 'IMMUTABLE' },
    });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECR repository "web" has immutable tags, so its tag "latest" can be pushed only once: the next build\'s push fails. Deploy a version tag, or make the tags mutable.',
    );
    expect(finding?.nodeIds).toEqual([repository]);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: a version tag with immutable tags, latest with mutable tags, and the defaults of a new repository', () => {
    const d = diagram();
    const region = d.add('region');
    d.add('ecr-repository', { in: region, props: { tag: 'v1.4.2', imageTagMutability: 'IMMUTABLE' } });
    d.add('ecr-repository', { in: region, props: { tag: 'latest', imageTagMutability: 'MUTABLE' } });
    d.add('ecr-repository', { in: region });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
