import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { LOAD_BALANCED, inSubnet, listenerPort, targetPort, targetType } from '../connections';
import { defineKind } from '../types';

export const nlb = defineKind({
  id: 'nlb',
  traits: { loadBalancer: { type: 'network' }, vpc: 'attached' },
  label: 'Network Load Balancer',
  category: 'load-balancing',
  order: 20,
  description: 'Layer 4 (TCP/UDP/TLS) load balancer with static IPs. A single AZ is allowed.',
  learn: {
    what: 'A load balancer that passes connections through (TCP, UDP, TLS) without reading them. It handles millions of requests per second with very low delay and has a fixed IP address in each zone.',
    when: 'Choose it for protocols other than HTTP, for the highest throughput, or when clients need fixed IP addresses. For ordinary web traffic an ALB does more.',
  },
  defaultLabel: 'NLB',
  keywords: ['nlb', 'load balancer', 'elb', 'tcp', 'udp', 'layer 4'],
  icon: 'resource/ElasticLoadBalancingNetworkLoadBalancer',
  appearance: { color: AWS_COLORS.networking },
  props: z.strictObject({
    scheme: z.enum(['internet-facing', 'internal']).default('internet-facing').meta({ title: 'Scheme' }),
    crossZoneLoadBalancing: z.boolean().default(false).meta({ title: 'Cross-zone load balancing' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'routes-traffic',
      to: LOAD_BALANCED,
      label: 'routes to',
      description: 'A listener forwards connections to a target group holding these tasks or pods.',
      props: z.strictObject({
        listenerPort: listenerPort(80),
        protocol: z.enum(['TCP', 'UDP', 'TLS', 'TCP_UDP']).default('TCP').meta({ title: 'Listener protocol' }),
        targetPort: targetPort(),
        targetType: targetType(),
      }),
    },
    inSubnet('in subnet', 'The load balancer has a node in this subnet.'),
  ],
  summary: (props) => props.scheme,
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/introduction.html',
  sample: { in: { network: 'vpc' }, connects: [{ workload: { longRunning: true } }, { network: 'subnet' }] },
});
