import { describe, expect, it } from 'vitest';
import { CATALOG, findConnection, getKind, kindsSelectedBy, selects, type RelationId } from './index';
import { checkConnection, describeConnections, listText, plural } from './connection-guard';

/** The plural names of the kinds that connect to `kind` with `relation`, in catalog order: the catalog decides, not this test. */
function sourcesOf(kindId: string, relation: RelationId): string {
  const target = getKind(kindId);
  const sources = CATALOG.filter((kind) =>
    kind.connections.some((definition) => definition.relation === relation && selects(definition.to, target)),
  );
  return listText(sources.map(plural));
}

/** The plural names of the kinds a connection of `kindId` reaches. */
function targetsOf(kindId: string, relation: RelationId): string {
  const definition = getKind(kindId).connections.find((candidate) => candidate.relation === relation)!;
  return listText(kindsSelectedBy(definition.to).map((id) => plural(getKind(id))));
}

describe('checkConnection', () => {
  it('refuses EFS → ALB with a reason that lists what each side can connect to', () => {
    expect(checkConnection('efs', 'alb')).toEqual({
      ok: false,
      reason:
        'An EFS file system cannot connect to an Application Load Balancer. ' +
        `EFS file systems connect to: subnets (mount target); ${sourcesOf('efs', 'mounts')} (mounts). ` +
        `Application Load Balancers connect to: ${targetsOf('alb', 'routes-traffic')} (routes to); subnets (in subnet); ${sourcesOf('alb', 'sends-requests')} (requests).`,
    });
  });

  it('allows a catalog connection in its own direction', () => {
    expect(checkConnection('ecs-service', 'ecr-repository')).toEqual({
      ok: true,
      relation: 'pulls-image',
      label: 'pulls image',
      reversed: false,
    });
  });

  it('allows a connection dragged backwards and says to store it reversed', () => {
    expect(checkConnection('subnet', 'alb')).toEqual({ ok: true, relation: 'in-subnet', label: 'in subnet', reversed: true });
    expect(checkConnection('efs', 'ecs-task')).toEqual({ ok: true, relation: 'mounts', label: 'mounts', reversed: true });
  });

  it('allows meaningful connections that rules may flag (a Classic Load Balancer to an ECS service)', () => {
    expect(checkConnection('clb', 'ecs-service')).toMatchObject({ ok: true, relation: 'routes-traffic' });
  });

  it('explains group kinds that connect to nothing, and names a kind once when both ends are the same kind', () => {
    const result = checkConnection('region', 'region');
    expect(result).toEqual({
      ok: false,
      reason: 'A Region cannot connect to a Region. Regions connect to nothing; draw things inside them instead.',
    });
  });

  it('refuses unknown kinds', () => {
    expect(checkConnection('efs', 'lambda')).toEqual({ ok: false, reason: 'Unknown component kind "lambda".' });
  });

  it('agrees with the catalog for every pair of kinds', () => {
    for (const from of CATALOG) {
      for (const to of CATALOG) {
        const result = checkConnection(from.id, to.id);
        const meaningful = findConnection(from.id, to.id) ?? findConnection(to.id, from.id);
        expect(result.ok, `${from.id} → ${to.id}`).toBe(meaningful !== undefined);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(30);
      }
    }
  });
});

describe('plural and listText', () => {
  it('name kinds as a sentence does', () => {
    expect(
      ['ecs-service', 'eks-workload', 'subnet', 'internet', 'service-auto-scaling', 'efs', 'availability-zone'].map((id) =>
        plural(getKind(id)),
      ),
    ).toEqual([
      'ECS services',
      'Kubernetes workloads',
      'subnets',
      'Internet / users',
      'service auto scaling',
      'EFS file systems',
      'Availability Zones',
    ]);
    expect([listText(['a']), listText(['a', 'b']), listText(['a', 'b', 'c'])]).toEqual(['a', 'a and b', 'a, b and c']);
  });
});

describe('describeConnections', () => {
  it('reads naturally for every kind', () => {
    const byId = new Map(CATALOG.map((kind) => [kind.id, describeConnections(kind)]));
    expect(byId.get('service-auto-scaling')).toBe(
      `Service auto scaling connects to: ${targetsOf('service-auto-scaling', 'scales')} (scales).`,
    );
    expect(byId.get('ecr-repository')).toBe(`ECR repositories connect to: ${sourcesOf('ecr-repository', 'pulls-image')} (pulls image).`);
    expect(byId.get('vpc-endpoint')).toBe('VPC endpoints connect to nothing.');
    for (const text of byId.values()) expect(text).toMatch(/^[A-Z].* connects? to(: | nothing).*\.$/);
  });
});
