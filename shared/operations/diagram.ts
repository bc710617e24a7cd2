import { updateMetadata } from '../document';
import type { QuickFix } from '../rules/types';
import { defineOperation } from './types';

export const setTitle = defineOperation({
  id: 'diagram.setTitle',
  label: () => 'Rename diagram',
  apply: (document, args: { title: string }) => ({ document: updateMetadata(document, { title: args.title }) }),
  coalesceKey: () => 'meta:title',
});

export const setDescription = defineOperation({
  id: 'diagram.setDescription',
  label: () => 'Edit description',
  apply: (document, args: { description: string }) => ({ document: updateMetadata(document, { description: args.description }) }),
  coalesceKey: () => 'meta:description',
});

/** A finding's quick fix (shared/rules): its own pure edit, with its own label. */
export const applyFix = defineOperation({
  id: 'finding.fix',
  label: (args: { fix: QuickFix }) => `Fix: ${args.fix.label}`,
  apply: (document, args) => ({ document: args.fix.apply(document) }),
});
