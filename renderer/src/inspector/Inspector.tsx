import { useMemo, type ReactNode } from 'react';
import type { z } from 'zod';
import { useStore } from 'zustand';
import { findConnection, findKind, iconOf, type KindDefinition } from '../../../shared/catalog';
import { applyFieldChange, describeFields, validateField, type FieldDescriptor } from '../../../shared/catalog/fields';
import { DocumentIndex, LIMITS, type DiagramEdge, type DiagramNode } from '../../../shared/document';
import { count, renameNode, setDescription, setEdgeProps, setNodeProps, setTitle } from '../../../shared/operations';
import { useServices } from '../app/services';
import { runOperation } from '../state/run-operation';
import { refuseDrops } from '../ui/refuse-drops';
import { LearnCard } from '../learn/LearnCard';
import { iconUrl } from '../canvas/icons';
import { placeholderSubtitle } from '../canvas/PlaceholderNode';
import { CapacityProviderPicker } from './CapacityProviderPicker';
import { fieldText, useDraft } from './draft';
import { FieldEditor } from './FieldEditor';

const descriptorCache = new WeakMap<z.ZodObject, FieldDescriptor[]>();
function fieldsOf(schema: z.ZodObject): FieldDescriptor[] {
  let fields = descriptorCache.get(schema);
  if (!fields) {
    fields = describeFields(schema);
    descriptorCache.set(schema, fields);
  }
  return fields;
}

/**
 * Edits what is selected: a component's label and properties, a connection's properties, or
 * the document. On a read-only diagram (from a newer Stowage) it shows the same panels with
 * every field disabled, and placeholders for what this version cannot read.
 */
export function Inspector() {
  const { documents, session, ui } = useServices();
  const document = useStore(documents, (state) => state.document);
  const readOnly = useStore(documents, (state) => state.readOnly);
  const selectedNodeIds = useStore(session, (state) => state.selectedNodeIds);
  const selectedEdgeIds = useStore(session, (state) => state.selectedEdgeIds);
  const index = useMemo(() => new DocumentIndex(document), [document]);

  let content: ReactNode;
  const total = selectedNodeIds.size + selectedEdgeIds.size;
  if (total === 0) content = <DocumentPanel />;
  else if (total > 1) content = <MultiPanel count={total} />;
  else if (selectedNodeIds.size === 1) {
    const node = index.node([...selectedNodeIds][0]!);
    if (!node) content = <DocumentPanel />;
    else if (readOnly?.placeholderNodeIds.includes(node.id) || !findKind(node.kind)) content = <PlaceholderPanel node={node} />;
    else content = <NodePanel node={node} index={index} />;
  } else {
    const edge = document.edges.find((candidate) => candidate.id === [...selectedEdgeIds][0]);
    if (!edge) content = <DocumentPanel />;
    else if (readOnly?.placeholderEdgeIds.includes(edge.id)) content = <PlaceholderEdgePanel edge={edge} index={index} />;
    else content = <EdgePanel edge={edge} index={index} />;
  }
  return (
    <aside className="stowage-inspector" aria-label="Inspector" data-testid="inspector" {...refuseDrops(ui, 'Inspector')}>
      {content}
    </aside>
  );
}

/**
 * The fields of a panel, disabled together while the diagram is read-only (a disabled fieldset
 * disables every control inside it). Edits are refused by runOperation in any case; this keeps
 * the fields from looking editable.
 */
function Fields({ children }: { children: ReactNode }) {
  const { documents } = useServices();
  const readOnly = useStore(documents, (state) => state.readOnly !== null);
  return (
    <fieldset className="stowage-inspector__fieldset" disabled={readOnly} data-testid="inspector-fields">
      {readOnly && (
        <p className="stowage-inspector__readonly" data-testid="inspector-read-only">
          Read-only: this diagram was saved by a newer version of Stowage. Update Stowage to edit it.
        </p>
      )}
      {children}
    </fieldset>
  );
}

/** A node this version cannot read: what it is called, what it is, and what it holds, as the file has it. */
function PlaceholderPanel({ node }: { node: DiagramNode }) {
  return (
    <>
      <header className="stowage-inspector__header">
        <div>
          <div className="stowage-inspector__kind">{node.label || node.kind}</div>
          <div className="stowage-inspector__meta">{placeholderSubtitle(node)}</div>
        </div>
      </header>
      <section className="stowage-inspector__section" key={node.id} data-testid="inspector-placeholder">
        <p className="stowage-inspector__tip">
          Saved by a newer version of Stowage. This version shows it where it was drawn but cannot read or change it; rules and exports
          leave it out. Save As keeps it in the copy.
        </p>
        <div className="stowage-field">
          <label>
            Properties, as stored
            <pre className="stowage-inspector__raw">{JSON.stringify(node.props, null, 2)}</pre>
          </label>
        </div>
      </section>
    </>
  );
}

function PlaceholderEdgePanel({ edge, index }: { edge: DiagramEdge; index: DocumentIndex }) {
  const source = index.node(edge.source);
  const target = index.node(edge.target);
  return (
    <>
      <header className="stowage-inspector__header">
        <div>
          <div className="stowage-inspector__kind">Connection this version does not know</div>
          <div className="stowage-inspector__meta">
            {source?.label || edge.source} → {target?.label || edge.target}
          </div>
        </div>
      </header>
      <section className="stowage-inspector__section" key={edge.id} data-testid="inspector-placeholder">
        <p className="stowage-inspector__tip">
          Saved by a newer version of Stowage, which gives this connection a meaning this version does not know. Rules and exports leave it
          out; Save As keeps it in the copy.
        </p>
        <div className="stowage-field">
          <label>
            Properties, as stored
            <pre className="stowage-inspector__raw">{JSON.stringify(edge.props, null, 2)}</pre>
          </label>
        </div>
      </section>
    </>
  );
}

function DocumentPanel() {
  const services = useServices();
  const { documents } = services;
  const metadata = useStore(documents, (state) => state.document.metadata);
  const counts = useStore(
    documents,
    (state) => `${count(state.document.nodes.length, 'component')} · ${count(state.document.edges.length, 'connection')}`,
  );
  return (
    <>
      <header className="stowage-inspector__header">
        <div>
          <div className="stowage-inspector__kind">Diagram</div>
          <div className="stowage-inspector__meta">{counts}</div>
        </div>
      </header>
      <section className="stowage-inspector__section">
        <Fields>
          <LabelField
            title="Title"
            value={metadata.title}
            maxLength={LIMITS.maxTitleLength}
            onCommit={(title) => runOperation(services, setTitle, { title })}
          />
          <LabelField
            title="Description"
            multiline
            value={metadata.description}
            maxLength={LIMITS.maxDescriptionLength}
            onCommit={(description) => runOperation(services, setDescription, { description })}
          />
        </Fields>
        <p className="stowage-inspector__tip">Drag components from the palette. Connect them by dragging from the dots on their edges.</p>
      </section>
    </>
  );
}

function MultiPanel({ count }: { count: number }) {
  return (
    <header className="stowage-inspector__header">
      <div>
        <div className="stowage-inspector__kind">{count} items selected</div>
        <div className="stowage-inspector__meta">Select one item to edit its properties.</div>
      </div>
    </header>
  );
}

function KindHeader({ kind, props, subtitle }: { kind: KindDefinition; props: Record<string, unknown>; subtitle?: string }) {
  const { host } = useServices();
  return (
    <header className="stowage-inspector__header">
      <img src={iconUrl(iconOf(kind, props))} alt="" width={32} height={32} />
      <div>
        <div className="stowage-inspector__kind">{kind.label}</div>
        {subtitle && <div className="stowage-inspector__meta">{subtitle}</div>}
      </div>
      <button
        type="button"
        className="stowage-inspector__docs"
        title="AWS documentation"
        onClick={() => void host.openExternal({ url: kind.docsUrl })}
      >
        Docs
      </button>
      <details className="stowage-inspector__learn" open>
        <summary>What is this?</summary>
        <LearnCard kind={kind} />
      </details>
    </header>
  );
}

function NodePanel({ node, index }: { node: DiagramNode; index: DocumentIndex }) {
  const services = useServices();
  const kind = findKind(node.kind);
  if (!kind) return null;
  const parent = node.parentId === undefined ? undefined : index.node(node.parentId);
  const parentKind = parent ? findKind(parent.kind) : undefined;
  const fields = fieldsOf(kind.props);
  const commitProps = (field: FieldDescriptor, value: unknown): string | undefined => {
    const result = applyFieldChange(kind.props, node.props, field.key, value);
    if ('error' in result) return result.error;
    runOperation(services, setNodeProps, { nodeId: node.id, props: result.props, field: { key: field.key, title: field.title } });
    return undefined;
  };
  return (
    <>
      <KindHeader
        kind={kind}
        props={node.props}
        subtitle={parent && parentKind ? `in ${parentKind.label} “${parent.label}”` : kind.description}
      />
      <section className="stowage-inspector__section" key={node.id}>
        <Fields>
          <LabelField
            title="Label"
            value={node.label}
            maxLength={LIMITS.maxLabelLength}
            onCommit={(label) => runOperation(services, renameNode, { nodeId: node.id, label })}
          />
          {fields.map((field) => (
            <FieldEditor
              key={field.key}
              field={field}
              value={node.props[field.key]}
              onCommit={(value) => commitProps(field, value)}
              validate={(value) => validateField(kind.props, field.key, value)}
              renderCustom={(custom, value, onCommit) =>
                custom.ui === 'capacity-provider' ? (
                  <CapacityProviderPicker node={node} index={index} value={fieldText(value)} onCommit={onCommit} />
                ) : undefined
              }
            />
          ))}
        </Fields>
      </section>
    </>
  );
}

function EdgePanel({ edge, index }: { edge: DiagramEdge; index: DocumentIndex }) {
  const services = useServices();
  const source = index.node(edge.source);
  const target = index.node(edge.target);
  const connection = source && target ? findConnection(source.kind, target.kind) : undefined;
  if (!source || !target || !connection) return null;
  const schema = connection.definition.props;
  const fields = schema ? fieldsOf(schema) : [];
  return (
    <>
      <header className="stowage-inspector__header">
        <div>
          <div className="stowage-inspector__kind">Connection: {connection.definition.label}</div>
          <div className="stowage-inspector__meta">
            {source.label} → {target.label}
          </div>
        </div>
      </header>
      <section className="stowage-inspector__section" key={edge.id}>
        <p className="stowage-inspector__tip">{connection.definition.description}</p>
        <Fields>
          {schema &&
            fields.map((field) => (
              <FieldEditor
                key={field.key}
                field={field}
                value={edge.props[field.key]}
                validate={(value) => validateField(schema, field.key, value)}
                onCommit={(value) => {
                  const result = applyFieldChange(schema, edge.props, field.key, value);
                  if ('error' in result) return result.error;
                  runOperation(services, setEdgeProps, {
                    edgeId: edge.id,
                    props: result.props,
                    field: { key: field.key, title: field.title },
                  });
                  return undefined;
                }}
              />
            ))}
        </Fields>
      </section>
    </>
  );
}

/** A free-text field committed on Enter or blur (one undo step per edit). */
function LabelField({
  title,
  value,
  onCommit,
  maxLength,
  multiline,
}: {
  title: string;
  value: string;
  onCommit: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
}) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    maxLength,
    'data-field': title.toLowerCase(),
    // Committed text has nothing of its own to undo: Mod+Z then undoes the document (see hasOwnUndo).
    'data-document-field': '',
    'data-dirty': draft !== value ? 'true' : undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
  };
  return (
    <div className="stowage-field">
      <label>
        {title}
        {multiline ? (
          <textarea rows={4} {...common} />
        ) : (
          <input
            type="text"
            {...common}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit();
              if (event.key === 'Escape') setDraft(value);
            }}
          />
        )}
      </label>
    </div>
  );
}
