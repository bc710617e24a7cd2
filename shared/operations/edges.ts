import { resolveConnection } from '../catalog';
import { checkConnection } from '../catalog/connection-guard';
import { DocumentIndex, HANDLE_SIDES, addEdges, allIds, createEdge, pickHandleSides, updateEdge, type HandleSide } from '../document';
import { defineOperation, type OperationResult } from './types';

export interface ConnectRequest {
  from: string;
  to: string;
  fromHandle?: string | null;
  toHandle?: string | null;
}

export type ConnectReport = { ok: true; edgeId: string; label: string } | { ok: false; reason: string };

const SIDES: ReadonlySet<string> = new Set(HANDLE_SIDES);

function isSide(value: string | null | undefined): value is HandleSide {
  return value !== null && value !== undefined && SIDES.has(value);
}

export const connect = defineOperation({
  id: 'edge.connect',
  label: (args: ConnectRequest, document) => {
    const index = new DocumentIndex(document);
    const from = index.node(args.from);
    const to = index.node(args.to);
    const resolved = from && to ? resolveConnection(from.kind, to.kind) : undefined;
    return resolved ? `Connect: ${resolved.connection.definition.label}` : 'Connect';
  },
  /**
   * Connects two nodes if the catalog gives the pair a meaning, storing the edge in the
   * catalog's direction (dragging from EFS to a service makes "service mounts EFS"). Reports
   * the reason when the catalog does not allow it.
   */
  apply(document, request, context): OperationResult<ConnectReport> {
    const index = new DocumentIndex(document);
    const from = index.node(request.from);
    const to = index.node(request.to);
    const refuse = (reason: string): OperationResult<ConnectReport> => ({ document, report: { ok: false, reason } });
    if (!from || !to || from.id === to.id) return refuse('A component cannot connect to itself.');
    const verdict = checkConnection(from.kind, to.kind);
    const resolved = resolveConnection(from.kind, to.kind);
    if (!verdict.ok) return refuse(verdict.reason);
    if (!resolved) return refuse('These components cannot connect.');
    const [source, target] = resolved.reversed ? [to, from] : [from, to];
    const [sourceHandle, targetHandle] = resolved.reversed
      ? [request.toHandle, request.fromHandle]
      : [request.fromHandle, request.toHandle];
    const picked = pickHandleSides(index.absoluteRect(source.id), index.absoluteRect(target.id));
    const definition = resolved.connection.definition;
    const props = definition.props ? definition.props.parse({}) : {};
    const id = context.newId('e', allIds(document));
    const edge = createEdge(
      id,
      {
        source: source.id,
        target: target.id,
        sourceHandle: isSide(sourceHandle) ? sourceHandle : picked.sourceSide,
        targetHandle: isSide(targetHandle) ? targetHandle : picked.targetSide,
      },
      props,
    );
    return {
      document: addEdges(document, [edge]),
      selection: { nodeIds: [], edgeIds: [id] },
      report: { ok: true, edgeId: id, label: definition.label },
    };
  },
});

export const setEdgeProps = defineOperation({
  id: 'edge.setProps',
  label: (args: { edgeId: string; props: Record<string, unknown>; field: { key: string; title: string } }) => `Edit ${args.field.title}`,
  apply: (document, args) => ({ document: updateEdge(document, args.edgeId, args.props) }),
  coalesceKey: (args) => `edge:${args.edgeId}:${args.field.key}`,
});
