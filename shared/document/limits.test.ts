import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS, MAX_DOCUMENT_CHARS } from '../host/contract';
import { LIMITS } from './limits';
import { loadDocument } from './load';
import { DiagramNodeSchema, ElementId, MetadataSchema, Point, Size } from './schema';

/**
 * The limits are declared once (limits.ts). These tests fail when a schema or the host
 * contract stops following them (the inspector's fields are checked in e2e/forward-compat.spec.ts).
 */

const node = (label: string) => ({ id: 'a', kind: 'internet', label, position: { x: 0, y: 0 }, props: {} });
const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('LIMITS drive the file schema', () => {
  it('node labels', () => {
    expect(accepts(DiagramNodeSchema, node('x'.repeat(LIMITS.maxLabelLength)))).toBe(true);
    expect(accepts(DiagramNodeSchema, node('x'.repeat(LIMITS.maxLabelLength + 1)))).toBe(false);
  });

  it('title and description', () => {
    const metadata = (title: string, description: string) => ({ title, description });
    expect(accepts(MetadataSchema, metadata('x'.repeat(LIMITS.maxTitleLength), 'y'.repeat(LIMITS.maxDescriptionLength)))).toBe(true);
    expect(accepts(MetadataSchema, metadata('x'.repeat(LIMITS.maxTitleLength + 1), ''))).toBe(false);
    expect(accepts(MetadataSchema, metadata('', 'y'.repeat(LIMITS.maxDescriptionLength + 1)))).toBe(false);
  });

  it('ids, coordinates and group sizes', () => {
    expect(accepts(ElementId, 'a'.repeat(LIMITS.maxIdLength))).toBe(true);
    expect(accepts(ElementId, 'a'.repeat(LIMITS.maxIdLength + 1))).toBe(false);
    expect(accepts(Point, { x: LIMITS.maxCoordinate, y: -LIMITS.maxCoordinate })).toBe(true);
    expect(accepts(Point, { x: LIMITS.maxCoordinate + 1, y: 0 })).toBe(false);
    expect(accepts(Size, { width: LIMITS.minExtent, height: LIMITS.maxExtent })).toBe(true);
    expect(accepts(Size, { width: LIMITS.maxExtent + 1, height: 10 })).toBe(false);
  });

  it('the loader refuses text over the file size before parsing it', () => {
    const result = loadDocument(' '.repeat(LIMITS.maxFileBytes + 1));
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

describe('LIMITS drive the host contract', () => {
  it('document text crossing the bridge may be as long as the largest file, and no longer', () => {
    expect(MAX_DOCUMENT_CHARS).toBe(LIMITS.maxFileBytes);
    const save = HOST_CHANNELS.saveDocument.request;
    const atLimit = 'x'.repeat(LIMITS.maxFileBytes);
    expect(accepts(save, { path: '/tmp/a.stowage', text: atLimit })).toBe(true);
    expect(accepts(save, { path: '/tmp/a.stowage', text: `${atLimit}x` })).toBe(false);
    expect(accepts(HOST_CHANNELS.writeDraft.request, { text: `${atLimit}x`, file: null })).toBe(false);
  });
});
