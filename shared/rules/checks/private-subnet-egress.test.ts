import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, eksStack, network } from '../test-support/diagram-builder.test-support';

const RULE = 'private-subnet-egress';

describe(RULE, () => {
  it('flags EC2 capacity in private subnets without NAT or ECR endpoints', () => {
    const d = diagram();
    const stack = ec2Stack(d, { nat: false });
    const [finding] = check(d.build(), RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "api" runs on EC2 capacity "ASG", whose instances are in private subnets "Private a" and "Private b", and the VPC has no NAT gateway and lacks the VPC endpoints ECR needs (missing ecr.api, ecr.dkr and s3), so they cannot pull ECR repository "api".',
    );
    expect(finding?.nodeIds.slice(0, 2)).toEqual([stack.api, stack.capacity]);
  });

  it('flags nodes in a public subnet that does not assign public IPs, and the fix turns that on', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.remove(stack.nodes);
    const nodes = d.add('eks-managed-node-group', { in: stack.cluster, label: 'public nodes' });
    d.connect(nodes, stack.publicSubnets[0]!);
    d.set(stack.publicSubnets[0]!, { mapPublicIpOnLaunch: false });
    const app = d.add('eks-workload', { in: nodes, label: 'web' });
    d.connect(app, d.add('dockerhub-image', { props: { credentialsSecret: 'hub' } }));
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Kubernetes workload "web" runs on Managed node group "public nodes", whose nodes are in public subnet "Public a" without a public IP, so they cannot pull Docker Hub image "nginx".',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags pods on an EKS Fargate profile whose private subnets have no way out', () => {
    const d = diagram();
    const stack = eksStack(d, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3'] });
    const profile = d.add('eks-fargate-profile', { in: stack.cluster, label: 'fp' });
    d.connect(profile, stack.privateSubnets[0]!);
    const app = d.add('eks-workload', { in: profile, label: 'hub' });
    d.connect(app, d.add('dockerhub-image', { props: { credentialsSecret: 'hub' } }));
    expect(check(d.build(), RULE).map((finding) => finding.nodeIds[0])).toEqual([app]);
  });

  it('stays quiet when an unplaced pod can land on nodes that work', () => {
    const d = diagram();
    const net = network(d, { nat: false });
    const cluster = d.add('eks-cluster', { in: net.vpc });
    const privateNodes = d.add('eks-managed-node-group', { in: cluster });
    d.connect(privateNodes, net.privateSubnets[0]!);
    const publicNodes = d.add('eks-managed-node-group', { in: cluster });
    d.connect(publicNodes, net.publicSubnets[0]!);
    d.add('eks-workload', { in: cluster });
    expect(check(d.build(), RULE)).toEqual([]);
  });

  it('near miss: NAT gateway present; ECR endpoints for ECR images; Fargate tasks (fargate-image-egress covers them)', () => {
    const withNat = diagram();
    ec2Stack(withNat);
    expect(check(withNat.build(), RULE)).toEqual([]);
    const withEndpoints = diagram();
    ec2Stack(withEndpoints, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3'] });
    expect(check(withEndpoints.build(), RULE)).toEqual([]);
  });
});
