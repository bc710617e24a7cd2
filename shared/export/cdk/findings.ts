import type { DiagramDocument } from '../../document/schema';
import type { Finding } from '../../rules/types';
import { call, render } from './code';
import { commentId } from './literal';
import { MODULES, BODY_INDENT, type StackBuilder } from './stack-builder';

/**
 * Problems the rules found, placed in the generated code next to the construct they concern:
 * a `// TODO(stowage): <rule id> (<node ids>)` line, and the message (which quotes diagram
 * labels) as a string literal in a synth-time warning, so `cdk synth` lists it too. Comments
 * carry only the rule id and element ids.
 */
export class FindingNotes {
  private readonly pending: { finding: Finding; anchors: Set<string>; primary: string | undefined }[];

  constructor(document: DiagramDocument, findings: readonly Finding[]) {
    const edgeEnds = new Map(document.edges.map((edge) => [edge.id, [edge.source, edge.target]]));
    this.pending = findings
      .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
      .map((finding) => ({
        finding,
        anchors: new Set([...finding.nodeIds, ...finding.edgeIds.flatMap((id) => edgeEnds.get(id) ?? [])]),
        primary: finding.nodeIds[0] ?? edgeEnds.get(finding.edgeIds[0] ?? '')?.[0],
      }));
  }

  /**
   * Writes the notes that concern `nodeId` and have not been written yet. `primaryOnly` takes only
   * the notes about this node first of all, for nodes placed beside the construct they belong to.
   */
  writeFor(nodeId: string, builder: StackBuilder, options: { primaryOnly?: boolean } = {}): void {
    for (let index = 0; index < this.pending.length;) {
      const entry = this.pending[index]!;
      if (options.primaryOnly ? entry.primary === nodeId : entry.anchors.has(nodeId)) {
        writeNote(entry.finding, builder);
        this.pending.splice(index, 1);
      } else index++;
    }
  }

  /** Writes every note not yet placed near a construct (call once, on the first stack). */
  writeRemaining(builder: StackBuilder): void {
    if (this.pending.length === 0) return;
    const lines: string[] = ['// Problems Stowage found in the diagram that concern no generated construct:'];
    for (const { finding } of this.pending.splice(0)) lines.push(...noteLines(finding, builder));
    builder.addPrologue(lines);
  }
}

function writeNote(finding: Finding, builder: StackBuilder): void {
  builder.lines(...noteLines(finding, builder));
}

function noteLines(finding: Finding, builder: StackBuilder): string[] {
  const ruleId = finding.ruleId.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 80) || 'rule';
  const ids = [...finding.nodeIds, ...finding.edgeIds].map(commentId);
  const shown = ids.length > 6 ? [...ids.slice(0, 6), `and ${ids.length - 6} more`] : ids;
  const where = shown.length > 0 ? ` (${shown.join(', ')})` : '';
  const severity = finding.severity === 'error' ? 'error' : 'warning';
  const warning = call(`${builder.use(MODULES.cdk)}.Annotations.of(this).addWarningV2`, `stowage:${ruleId}`, finding.message);
  return [`// TODO(stowage): ${ruleId}${where}, ${severity}`, `${render(warning, BODY_INDENT)};`];
}
