import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { LOAD_BALANCED, inSubnet, listenerPort, targetPort, targetType } from '../connections';
import { defineKind } from '../types';

export const alb = defineKind({
  id: 'alb',
  traits: { loadBalancer: { type: 'application' }, vpc: 'attached' },
  label: 'Application Load Balancer',
  category: 'load-balancing',
  order: 10,
  description: 'Layer 7 (HTTP/HTTPS) load balancer with path and host routing. Needs subnets in two AZs.',
  learn: {
    what: 'A load balancer for web traffic (HTTP and HTTPS). It spreads requests over your containers and can send each URL path or host name to a different service.',
    when: 'Choose it for websites and APIs: it is the right load balancer for most container services, on Fargate and on EC2.',
  },
  defaultLabel: 'ALB',
  keywords: ['alb', 'load balancer', 'elb', 'http', 'ingress', 'layer 7'],
  icon: 'resource/ElasticLoadBalancingApplicationLoadBalancer',
  appearance: { color: AWS_COLORS.networking },
  props: z.strictObject({
    scheme: z.enum(['internet-facing', 'internal']).default('internet-facing').meta({ title: 'Scheme' }),
    ipAddressType: z.enum(['ipv4', 'dualstack']).default('ipv4').meta({ title: 'IP address type' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'routes-traffic',
      to: LOAD_BALANCED,
      label: 'routes to',
      description: 'A listener forwards requests to a target group holding these tasks or pods.',
      props: z.strictObject({
        listenerPort: listenerPort(80),
        protocol: z.enum(['HTTP', 'HTTPS']).default('HTTP').meta({ title: 'Listener protocol' }),
        targetPort: targetPort(),
        targetType: targetType(),
        pathPattern: z.string().min(1).max(128).default('/*').meta({ title: 'Path pattern' }),
        healthCheckPath: z.string().min(1).max(1024).default('/').meta({ title: 'Health check path' }),
      }),
    },
    inSubnet('in subnet', 'The load balancer has a node in this subnet.'),
  ],
  summary: (props) => props.scheme,
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/introduction.html',
  sample: { in: { network: 'vpc' }, connects: [{ workload: { longRunning: true } }, { network: 'subnet' }] },
});
