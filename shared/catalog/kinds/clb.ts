import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { LOAD_BALANCED, inSubnet, listenerPort, targetPort } from '../connections';
import { defineKind } from '../types';

export const clb = defineKind({
  id: 'clb',
  traits: { loadBalancer: { type: 'classic' }, vpc: 'attached' },
  label: 'Classic Load Balancer',
  category: 'load-balancing',
  order: 30,
  description: 'The previous-generation load balancer. It registers EC2 instances only, so it cannot front awsvpc tasks.',
  learn: {
    what: 'The first generation of Elastic Load Balancing. It sends traffic to EC2 instances, not to individual containers.',
    when: 'Avoid it in new designs: it cannot send traffic to Fargate tasks or to tasks with their own network interface (awsvpc). Use an ALB or an NLB; it is here to draw older systems.',
  },
  defaultLabel: 'CLB',
  keywords: ['clb', 'classic', 'elb', 'load balancer', 'legacy'],
  icon: 'resource/ElasticLoadBalancingClassicLoadBalancer',
  appearance: { color: AWS_COLORS.networking },
  props: z.strictObject({
    scheme: z.enum(['internet-facing', 'internal']).default('internet-facing').meta({ title: 'Scheme' }),
    crossZoneLoadBalancing: z.boolean().default(true).meta({ title: 'Cross-zone load balancing' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'routes-traffic',
      to: LOAD_BALANCED,
      label: 'routes to',
      description: 'A listener forwards to the instances that run these tasks or pods.',
      props: z.strictObject({
        listenerPort: listenerPort(80),
        protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'SSL']).default('HTTP').meta({ title: 'Listener protocol' }),
        targetPort: targetPort(),
        healthCheckPath: z.string().min(1).max(1024).default('/').meta({ title: 'Health check path' }),
      }),
    },
    inSubnet('in subnet', 'The load balancer has a node in this subnet.'),
  ],
  summary: (props) => props.scheme,
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/introduction.html',
  sample: { in: { network: 'vpc' }, connects: [{ workload: { longRunning: true } }, { network: 'subnet' }] },
});
