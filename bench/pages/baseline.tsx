import '@xyflow/react/dist/style.css';
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CanvasTarget } from '../canvas/page-probe';

/**
 * The baseline for the canvas benchmark: plain React Flow with its default nodes and edges
 * and nothing of Stowage. It shares only what makes the interaction identical: the pane's
 * size and place (from the query string), onlyRenderVisibleElements, wheel panning and the
 * zoom limits. (The benchmark turns Stowage's snap-to-grid off, so neither snaps.)
 */

interface BaselinePayload {
  nodes: Node[];
  edges: Edge[];
}

interface BaselineWindow {
  __load?: (nodes: Node[], edges: Edge[]) => void;
  __benchTarget?: CanvasTarget & { setViewport(viewport: Viewport): void; getViewport(): Viewport | null };
}

const page = window as unknown as BaselineWindow;

function Baseline() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const [flow, setFlow] = useState<ReactFlowInstance | null>(null);

  useEffect(() => {
    if (!flow) return;
    let staged: BaselinePayload | null = null;
    page.__load = (nextNodes, nextEdges) => {
      setNodes(nextNodes);
      setEdges(nextEdges);
    };
    page.__benchTarget = {
      ready: () => true,
      stage(payload) {
        staged = payload as BaselinePayload;
      },
      load() {
        if (!staged) throw new Error('Nothing staged to load');
        page.__load?.(staged.nodes, staged.edges);
      },
      clear() {
        page.__load?.([], []);
      },
      revertEdits() {
        if (staged) page.__load?.(staged.nodes, staged.edges);
      },
      setViewport: (viewport) => void flow.setViewport(viewport),
      getViewport: () => flow.getViewport(),
    };
  }, [flow, setNodes, setEdges]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onInit={setFlow}
      onlyRenderVisibleElements
      panOnScroll
      minZoom={0.05}
      maxZoom={3}
    />
  );
}

const container = document.getElementById('root')!;
const query = new URLSearchParams(location.search);
const pixels = (name: string, fallback: number) => `${Number(query.get(name) ?? fallback)}px`;
Object.assign(container.style, { left: pixels('x', 0), top: pixels('y', 0), width: pixels('width', 1200), height: pixels('height', 800) });
createRoot(container).render(<Baseline />);
