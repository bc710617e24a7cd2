import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocumentValue, serializeDocument, type DiagramDocument } from '../document';
import { RULES, runRules, type Finding } from './index';
import { arbitraryArchitecture, arbitraryDocument } from './test-support/arbitrary-document.test-support';

/**
 * Properties every rule must keep on any document the schema accepts: it never throws, it
 * points only at elements that exist, and its quick fixes produce valid documents that
 * no longer have the problem they fix.
 */

const ruleIds = new Set(RULES.map((rule) => rule.id));
const RUNS = { numRuns: 100 };

function loads(document: DiagramDocument): boolean {
  return loadDocumentValue(JSON.parse(serializeDocument(document))).ok;
}

/** Two findings are the same problem when rule, elements and message agree (labels repeat; ids do not). */
function identity(finding: Finding): string {
  return `${finding.ruleId}|${finding.nodeIds.join(',')}|${finding.edgeIds.join(',')}|${finding.message}`;
}

function checkFindingsPointAtElements(document: DiagramDocument) {
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  const findings = runRules(document);
  for (const finding of findings) {
    expect(ruleIds.has(finding.ruleId)).toBe(true);
    expect(['error', 'warning', 'info']).toContain(finding.severity);
    expect(finding.message.length).toBeGreaterThan(20);
    expect(finding.nodeIds.length + finding.edgeIds.length).toBeGreaterThan(0);
    for (const id of finding.nodeIds) expect(nodeIds.has(id), `${finding.ruleId} points at missing node ${id}`).toBe(true);
    for (const id of finding.edgeIds) expect(edgeIds.has(id), `${finding.ruleId} points at missing edge ${id}`).toBe(true);
  }
  return findings;
}

function checkFixes(document: DiagramDocument, findings: readonly Finding[]) {
  for (const finding of findings) {
    if (!finding.fix) continue;
    const fixed = finding.fix.apply(document);
    expect(loads(fixed), `fix "${finding.fix.label}" of ${finding.ruleId} breaks the document`).toBe(true);
    const after = new Set(runRules(fixed).map(identity));
    expect(after.has(identity(finding)), `fix "${finding.fix.label}" does not remove: ${finding.message}`).toBe(false);
  }
}

describe('rules on random documents', { timeout: 120_000 }, () => {
  it('the generators make documents the loader accepts', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => loads(document)),
      RUNS,
    );
    fc.assert(
      fc.property(arbitraryArchitecture, (document) => loads(document)),
      RUNS,
    );
  });

  it('never throw, and point only at elements that exist (any nesting)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => void checkFindingsPointAtElements(document)),
      RUNS,
    );
  });

  it('never throw, and point only at elements that exist (full architectures)', () => {
    fc.assert(
      fc.property(arbitraryArchitecture, (document) => void checkFindingsPointAtElements(document)),
      RUNS,
    );
  });

  it('offer quick fixes that keep the document valid and remove their finding', () => {
    fc.assert(
      fc.property(arbitraryArchitecture, (document) => {
        checkFixes(document, runRules(document));
      }),
      // Each run re-checks the document once per fix; failures are reported unshrunk (with their seed) to stay fast.
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('reach most rules over many random architectures (the generator is not too tame)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryArchitecture, (document) => {
        for (const finding of runRules(document)) seen.add(finding.ruleId);
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(seen.size).toBeGreaterThan(RULES.length * 0.6);
  });
});
