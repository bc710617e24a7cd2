import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKind } from '../../shared/catalog';
import { DocumentIndex, GROUP_PADDING, loadDocument, serializeDocument, type DiagramDocument } from '../../shared/document';
import { EXIT } from '../io';
import { main } from '../main';
import { validateReport } from './validate-report.test-support';

const examples = join(import.meta.dirname, '..', '..', 'examples');

async function validate(file: string, ...options: string[]) {
  const out: string[] = [];
  const code = await main(['validate', join(examples, file), '--format', 'json', ...options], {
    out: (text) => out.push(text),
    err: (text) => out.push(text),
  });
  return { code, findings: validateReport(out.join('\n')).findings };
}

function load(file: string): DiagramDocument {
  const result = loadDocument(readFileSync(join(examples, file), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe('example documents', () => {
  it.each(['fargate-web-service.stowage', 'ec2-classic-bridge.stowage', 'eks-mixed.stowage'])(
    '%s validates with no errors and no warnings',
    async (file) => {
      const result = await validate(file, '--fail-on', 'warning');
      expect(result.findings).toEqual([]);
      expect(result.code).toBe(EXIT.ok);
    },
  );

  it('workshop-broken.stowage raises exactly the mistakes its description lists', async () => {
    const result = await validate('workshop-broken.stowage');
    expect(result.code).toBe(EXIT.findings);
    expect([...new Set(result.findings.map((finding) => finding.ruleId))].sort()).toEqual([
      'alb-two-az',
      'clb-awsvpc',
      'dockerhub-anonymous',
      'efs-cross-region',
      'fargate-image-egress',
      'fargate-task-size',
      'tg-type-mismatch',
    ]);
    const description = load('workshop-broken.stowage').metadata.description;
    for (const finding of result.findings) expect(description).toContain(`(${finding.ruleId}`);
  });

  it.each(readdirSync(examples).filter((file) => file.endsWith('.stowage')))(
    '%s is laid out cleanly: children inside their groups, no overlapping boxes',
    (file) => {
      const document = load(file);
      const index = new DocumentIndex(document);
      for (const node of document.nodes) {
        if (node.parentId === undefined) continue;
        const child = index.absoluteRect(node.id);
        const parent = index.absoluteRect(node.parentId);
        expect(child.x - parent.x, `${node.id} left padding`).toBeGreaterThanOrEqual(GROUP_PADDING.side);
        expect(child.y - parent.y, `${node.id} room for the title`).toBeGreaterThanOrEqual(GROUP_PADDING.top);
        expect(parent.x + parent.width - (child.x + child.width), `${node.id} right padding`).toBeGreaterThanOrEqual(GROUP_PADDING.side);
        expect(parent.y + parent.height - (child.y + child.height), `${node.id} bottom padding`).toBeGreaterThanOrEqual(
          GROUP_PADDING.bottom,
        );
      }
      // Siblings never overlap (a group and its own descendants obviously do).
      const byParent = new Map<string | undefined, string[]>();
      for (const node of document.nodes) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node.id]);
      for (const siblings of byParent.values()) {
        for (const [position, a] of siblings.entries()) {
          for (const b of siblings.slice(position + 1)) {
            const ra = index.absoluteRect(a);
            const rb = index.absoluteRect(b);
            const overlap = ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height && rb.y < ra.y + ra.height;
            expect(overlap, `${a} overlaps ${b}`).toBe(false);
          }
        }
      }
      for (const node of document.nodes) expect(findKind(node.kind), node.kind).toBeDefined();
      expect(serializeDocument(document), 'saved in canonical form').toBe(readFileSync(join(examples, file), 'utf8'));
      expect(document.metadata.title.length).toBeGreaterThan(5);
      expect(document.metadata.description.length).toBeGreaterThan(100);
    },
  );
});
