import { propsOf } from '../../catalog';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';

export const dockerhubAnonymous: RuleDefinition = {
  id: 'dockerhub-anonymous',
  teaches: 'dockerhub-image',
  category: 'Registries and egress',
  severity: 'warning',
  title: 'Anonymous Docker Hub pulls are rate limited',
  explanation:
    'Docker Hub limits anonymous pulls per source IP address (10 per hour per IPv4 address or IPv6 /64 as of 2025), and every task behind the same NAT gateway shares that address, so scaling out or replacing tasks can fail with toomanyrequests. Store Docker Hub credentials in Secrets Manager and reference them (repositoryCredentials), or pull through an ECR pull-through cache rule.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html',
  check({ model }) {
    return model.nodesOfKind('dockerhub-image').flatMap((image) => {
      if (propsOf(image).credentialsSecret !== '' || propsOf(image).pullThroughCache === true) return NONE;
      const pullers = model.sources(image.id, 'pulls-image');
      if (pullers.length === 0) return NONE;
      return [
        report(dockerhubAnonymous, {
          message: `${listNodes(pullers)} ${pullers.length === 1 ? 'pulls' : 'pull'} ${nodeName(image)} anonymously; anonymous pulls are rate limited per IP address and shared by everything behind a NAT gateway. Add a credentials secret or pull through an ECR pull-through cache.`,
          nodes: [image, ...pullers],
          edges: model.edgesTo(image.id, 'pulls-image'),
        }),
      ];
    });
  },
};
