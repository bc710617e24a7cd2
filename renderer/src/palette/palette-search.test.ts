import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../shared/catalog';
import { paletteSections } from './palette-search';

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
});
