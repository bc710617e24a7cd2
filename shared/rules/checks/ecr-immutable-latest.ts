import { nodesOfKind, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';

/** The tag a build pushes again and again by convention, so it cannot live in a repository whose tags are immutable. */
const MOVING_TAG = 'latest';

export const ecrImmutableLatest: RuleDefinition = {
  id: 'ecr-immutable-latest',
  teaches: 'ecr-repository',
  category: 'Registries and egress',
  severity: 'warning',
  title: 'An immutable repository takes the latest tag once',
  explanation:
    'With tag immutability on, ECR refuses to push a tag that is already in the repository. The latest tag moves with every build, so the second push of :latest fails. Deploy a version tag (a release number or commit id), or make the tags mutable.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  check({ model }) {
    return nodesOfKind(model, 'ecr-repository').flatMap((repository) => {
      const { tag, imageTagMutability } = propsOf(repository);
      if (imageTagMutability !== 'IMMUTABLE' || tag !== MOVING_TAG) return [];
      return [
        report(ecrImmutableLatest, {
          message: `${nodeName(repository)} has immutable tags, so its tag "${MOVING_TAG}" can be pushed only once: the next build's push fails. Deploy a version tag, or make the tags mutable.`,
          nodes: [repository],
          fix: setNodeProps('Make the tags mutable', repository, { imageTagMutability: 'MUTABLE' }),
        }),
      ];
    });
  },
};
