import { describe, expect, it } from 'vitest';
import { CATALOG, findConnection } from './index';
import { checkConnection, describeConnections } from './connection-guard';

describe('checkConnection', () => {
  it('refuses EFS → ALB with a reason that lists what each side can connect to', () => {
    expect(checkConnection('efs', 'alb')).toEqual({
      ok: false,
      reason:
        'An EFS file system cannot connect to an Application Load Balancer. ' +
        'EFS file systems connect to: subnets (mount target); ECS services, ECS tasks and Kubernetes workloads (mounts). ' +
        'Application Load Balancers connect to: ECS services and Kubernetes workloads (routes to); subnets (in subnet); Internet / users (requests).',
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

describe('describeConnections', () => {
  it('reads naturally for every kind', () => {
    const byId = new Map(CATALOG.map((kind) => [kind.id, describeConnections(kind)]));
    expect(byId.get('service-auto-scaling')).toBe('Service auto scaling connects to: ECS services (scales).');
    expect(byId.get('ecr-repository')).toBe('ECR repositories connect to: ECS services, ECS tasks and Kubernetes workloads (pulls image).');
    expect(byId.get('vpc-endpoint')).toBe('VPC endpoints connect to nothing.');
    for (const text of byId.values()) expect(text).toMatch(/^[A-Z].* connects? to(: | nothing).*\.$/);
  });
});
