import { describe, expect, it } from 'vitest';
import { diagram, network } from '../../../../rules/test-support/diagram-builder.test-support';
import { fileText, generate } from '../../../../../test/cdk-synth/fixtures';

/** Two EKS clusters in one VPC: "a" with a managed node group, "b" with one of its own. */
function twoClusters() {
  const d = diagram();
  const net = network(d);
  const a = d.add('eks-cluster', { in: net.vpc, id: 'n-a' });
  const groupA = d.add('eks-managed-node-group', { in: a, id: 'n-group-a' });
  const b = d.add('eks-cluster', { in: net.vpc, id: 'n-b' });
  d.add('eks-managed-node-group', { in: b, id: 'n-group-b' });
  return { d, groupA, b };
}

function workloadManifest(stack: string, id: string): string {
  const start = stack.indexOf(`// Kubernetes workload ${id}`);
  return stack.slice(start, stack.indexOf('\n\n', start));
}

describe('Kubernetes workloads on managed node groups', () => {
  it('select the one node group of their cluster they are placed on, by name', () => {
    const { d, groupA } = twoClusters();
    d.add('eks-workload', { in: groupA, id: 'n-web' });
    const stack = fileText(generate(d.build()), 'lib/test-app-stack.ts');
    expect(workloadManifest(stack, 'n-web')).toContain("'eks.amazonaws.com/nodegroup': eksManagedNodeGroupNGroupA.nodegroupName");
  });

  it("never select a node group of another cluster, where their pods could not run (a 'runs on' edge across clusters)", () => {
    const { d, groupA, b } = twoClusters();
    const web = d.add('eks-workload', { in: b, id: 'n-web' });
    d.connect(web, groupA);
    const stack = fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts');
    expect(workloadManifest(stack, 'n-web')).toContain("'kubernetes.io/os': 'linux'");
    expect(workloadManifest(stack, 'n-web')).not.toContain('eks.amazonaws.com/nodegroup');
  });
});

describe('Kubernetes pod labels', () => {
  it('keep a drawn app.kubernetes.io/name, which a Fargate profile may select on, and Services select by it', () => {
    const d = diagram();
    const net = network(d);
    const cluster = d.add('eks-cluster', { in: net.vpc, id: 'n-cluster' });
    d.add('eks-fargate-profile', {
      in: cluster,
      id: 'n-profile',
      props: { selectors: [{ namespace: 'default', labels: 'app.kubernetes.io/name=shop' }] },
    });
    const web = d.add('eks-workload', { in: cluster, id: 'n-web', props: { labels: 'app.kubernetes.io/name=shop, tier=web' } });
    const nlb = d.add('nlb', { in: net.vpc, id: 'n-nlb' });
    d.connect(nlb, web);
    const manifest = workloadManifest(fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts'), 'n-web');
    expect(manifest).not.toContain("'app.kubernetes.io/name': 'workload-n-web'");
    expect(manifest.match(/'app\.kubernetes\.io\/name': 'shop'/g)?.length).toBe(4);
    expect(manifest).toContain("tier: 'web'");
  });
});
