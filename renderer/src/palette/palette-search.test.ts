import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../shared/catalog';
import { bestMatch, paletteSections } from './palette-search';

describe('palette search', () => {
  it('lists every kind exactly once without a query', () => {
    const ids = paletteSections('').flatMap((section) => section.kinds.map((kind) => kind.id));
    expect(ids.sort()).toEqual(CATALOG.map((kind) => kind.id).sort());
  });

  it('finds kinds by abbreviation and keyword', () => {
    const ids = (query: string) => paletteSections(query).flatMap((section) => section.kinds.map((kind) => kind.id));
    expect(ids('alb')).toContain('alb');
    expect(ids('fargate spot')).toContain('ecs-fargate-capacity');
    expect(ids('DaemonSet')).toEqual(['eks-workload']);
    expect(ids('no such thing')).toEqual([]);
  });

  it('Enter picks the kind the words name, not the first that mentions them', () => {
    expect(bestMatch('far')?.id).toBe('ecs-fargate-capacity');
    expect(bestMatch('alb')?.id).toBe('alb');
    expect(bestMatch('vpc')?.id).toBe('vpc');
    expect(bestMatch('subnet')?.id).toBe('subnet');
    expect(bestMatch('eks cl')?.id).toBe('eks-cluster');
    expect(bestMatch('ecs serv')?.id).toBe('ecs-service');
    expect(bestMatch('nat')?.id).toBe('nat-gateway');
    expect(bestMatch('no such thing')).toBeUndefined();
    expect(bestMatch('  ')).toBeUndefined();
  });
});
