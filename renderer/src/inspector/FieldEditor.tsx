import { useId, useState, type ReactNode } from 'react';
import type { FieldDescriptor, ListField, NumberField, TextField, UnionListField } from '../../../shared/catalog/fields';
import { fieldText, useDraft } from './draft';

/**
 * Editors generated from field descriptors (shared/catalog/fields.ts). Text and numbers are
 * edited in a local draft and committed on Enter or blur, so typing a value is one undo step;
 * invalid drafts show the schema's message inline and are not committed.
 */
export interface FieldEditorProps {
  field: FieldDescriptor;
  value: unknown;
  /** Validates and commits; returns the error message when the value is refused. */
  onCommit: (value: unknown) => string | undefined;
  /** The schema's message for a candidate value, for live feedback while typing. */
  validate: (value: unknown) => string | undefined;
  /** Custom editors by ui hint (capacity provider picker …). */
  renderCustom?: (field: FieldDescriptor, value: unknown, onCommit: (value: unknown) => string | undefined) => ReactNode | undefined;
}

export function FieldEditor(props: FieldEditorProps) {
  const { field, value, onCommit, renderCustom } = props;
  const custom = field.ui ? renderCustom?.(field, value, onCommit) : undefined;
  if (custom) return <FieldShell field={field}>{custom}</FieldShell>;
  switch (field.type) {
    case 'text':
      return <TextEditor {...props} field={field} />;
    case 'number':
      return <NumberEditor {...props} field={field} />;
    case 'boolean':
      return (
        <div className="stowage-field stowage-field--boolean">
          <label>
            <input type="checkbox" checked={value === true} onChange={(event) => onCommit(event.target.checked)} data-field={field.key} />
            <span>{field.title}</span>
          </label>
          {field.description && <p className="stowage-field__hint">{field.description}</p>}
        </div>
      );
    case 'enum':
      return (
        <FieldShell field={field}>
          {(id) => (
            <select id={id} value={fieldText(value)} onChange={(event) => onCommit(event.target.value)} data-field={field.key}>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      );
    case 'list':
      return <ListEditor {...props} field={field} />;
    case 'union-list':
      return <UnionListEditor {...props} field={field} />;
    case 'unknown':
      return (
        <FieldShell field={field}>
          <code className="stowage-field__raw">{JSON.stringify(value)}</code>
        </FieldShell>
      );
  }
}

function FieldShell({
  field,
  children,
  error,
}: {
  field: FieldDescriptor;
  children: ReactNode | ((id: string) => ReactNode);
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={`stowage-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {field.title}
        {field.type === 'number' && field.unit && <span className="stowage-field__unit"> ({field.unit})</span>}
      </label>
      {typeof children === 'function' ? children(id) : children}
      {error ? (
        <p className="stowage-field__error" role="alert">
          {error}
        </p>
      ) : (
        field.description && <p className="stowage-field__hint">{field.description}</p>
      )}
    </div>
  );
}

function TextEditor({ field, value, onCommit, validate }: FieldEditorProps & { field: TextField }) {
  const committed = fieldText(value);
  const [draft, setDraft, reset] = useDraft(committed);
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    if (draft === committed) return setError(undefined);
    setError(onCommit(draft));
  };
  return (
    <FieldShell field={field} error={error}>
      {(id) => (
        <input
          id={id}
          type="text"
          value={draft}
          maxLength={field.maxLength}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          data-field={field.key}
          data-document-field=""
          data-dirty={draft !== committed ? 'true' : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(validate(event.target.value));
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') {
              reset();
              setError(undefined);
            }
          }}
        />
      )}
    </FieldShell>
  );
}

function parseNumber(text: string, field: NumberField): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return field.nullable ? null : text;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : text;
}

function NumberEditor({ field, value, onCommit, validate }: FieldEditorProps & { field: NumberField }) {
  const committed = fieldText(value);
  const [draft, setDraft, reset] = useDraft(committed);
  const [error, setError] = useState<string | undefined>();
  const listId = useId();
  const commit = () => {
    if (draft === committed) return setError(undefined);
    const parsed = parseNumber(draft, field);
    setError(typeof parsed === 'string' ? 'Enter a number.' : onCommit(parsed));
  };
  return (
    <FieldShell field={field} error={error}>
      {(id) => (
        <>
          <input
            id={id}
            type="text"
            inputMode="decimal"
            value={draft}
            placeholder={field.nullable ? 'not set' : undefined}
            list={field.options ? listId : undefined}
            aria-invalid={error ? true : undefined}
            data-field={field.key}
            data-document-field=""
            data-dirty={draft !== committed ? 'true' : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              const parsed = parseNumber(event.target.value, field);
              setError(typeof parsed === 'string' ? 'Enter a number.' : validate(parsed));
            }}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit();
              if (event.key === 'Escape') {
                reset();
                setError(undefined);
              }
            }}
          />
          {field.options && (
            <datalist id={listId}>
              {field.options.map((option) => (
                <option key={option} value={option} />
              ))}
            </datalist>
          )}
        </>
      )}
    </FieldShell>
  );
}

/** Edits one item of a list; commits by replacing the whole list. */
function ItemFields({
  fields,
  item,
  onItemCommit,
  renderCustom,
}: {
  fields: FieldDescriptor[];
  item: Record<string, unknown>;
  onItemCommit: (next: Record<string, unknown>) => string | undefined;
  renderCustom?: FieldEditorProps['renderCustom'];
}) {
  return (
    <>
      {fields.map((itemField) => (
        <FieldEditor
          key={itemField.key}
          field={itemField}
          value={item[itemField.key]}
          onCommit={(value) => onItemCommit({ ...item, [itemField.key]: value })}
          validate={() => undefined}
          renderCustom={renderCustom}
        />
      ))}
    </>
  );
}

/**
 * State shared by the two list editors: the items as an array, and a commit that replaces the
 * whole list (one undo step) and keeps the schema's message when the list is refused.
 */
function useListCommit(value: unknown, onCommit: FieldEditorProps['onCommit'], maxItems: number | undefined) {
  const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const [error, setError] = useState<string | undefined>();
  const commit = (next: Record<string, unknown>[]) => {
    const message = onCommit(next);
    setError(message);
    return message;
  };
  const replaceAt = (index: number, next: Record<string, unknown>) =>
    commit(items.map((existing, position) => (position === index ? next : existing)));
  const removeAt = (index: number) => commit(items.filter((_, position) => position !== index));
  const full = maxItems !== undefined && items.length >= maxItems;
  return { items, error, commit, replaceAt, removeAt, full };
}

function ListError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="stowage-field__error" role="alert">
      {error}
    </p>
  );
}

function ListEditor({ field, value, onCommit, renderCustom }: FieldEditorProps & { field: ListField }) {
  const { items, error, commit, replaceAt, removeAt, full } = useListCommit(value, onCommit, field.maxItems);
  return (
    <fieldset className="stowage-list" data-field={field.key}>
      <legend>{field.title}</legend>
      {field.description && items.length === 0 && <p className="stowage-field__hint">{field.description}</p>}
      {items.map((item, index) => (
        <div key={index} className="stowage-list__item">
          <ItemFields fields={field.itemFields} item={item} renderCustom={renderCustom} onItemCommit={(next) => replaceAt(index, next)} />
          <button type="button" className="stowage-list__remove" onClick={() => removeAt(index)} aria-label={`Remove item ${index + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <ListError error={error} />
      <button type="button" className="stowage-list__add" disabled={full} onClick={() => commit([...items, field.newItem()])}>
        Add
      </button>
    </fieldset>
  );
}

function UnionListEditor({ field, value, onCommit, renderCustom }: FieldEditorProps & { field: UnionListField }) {
  const { items, error, commit, replaceAt, removeAt, full } = useListCommit(value, onCommit, field.maxItems);
  const [adding, setAdding] = useState(field.variants[0]?.value ?? '');
  return (
    <fieldset className="stowage-list" data-field={field.key}>
      <legend>{field.title}</legend>
      {items.map((item, index) => {
        const variant = field.variants.find((candidate) => candidate.value === item[field.discriminator]);
        return (
          <div key={index} className="stowage-list__item">
            <div className="stowage-list__variant">{variant?.label ?? String(item[field.discriminator])}</div>
            {variant && (
              <ItemFields fields={variant.fields} item={item} renderCustom={renderCustom} onItemCommit={(next) => replaceAt(index, next)} />
            )}
            <button
              type="button"
              className="stowage-list__remove"
              onClick={() => removeAt(index)}
              aria-label={`Remove ${variant?.label ?? 'item'}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <ListError error={error} />
      <div className="stowage-list__add-row">
        <select
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          aria-label={`Kind of ${field.title.toLowerCase()} to add`}
        >
          {field.variants.map((variant) => (
            <option key={variant.value} value={variant.value}>
              {variant.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="stowage-list__add"
          disabled={full}
          onClick={() => {
            const variant = field.variants.find((candidate) => candidate.value === adding);
            if (variant) commit([...items, variant.newItem()]);
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}
