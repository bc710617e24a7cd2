import { useState } from 'react';
import { useStore } from 'zustand';
import { findRule, type Finding, type Severity } from '../../../shared/rules';
import { getKind, type KindId } from '../../../shared/catalog';
import { applyFix as applyFixOperation } from '../../../shared/operations';
import { useServices } from '../app/services';
import { runOperation } from '../state/run-operation';
import { refuseDrops } from '../ui/refuse-drops';
import { countBySeverity } from './findings';

const SECTIONS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Info' },
];

/**
 * Findings grouped by severity. A click selects and shows the elements involved; a fix is
 * one undoable change; the documentation opens in the system browser. The header always shows
 * the counts; the list opens only when the user opens it, at one fixed height, so a finding
 * appearing mid-gesture never changes the workspace under the user's hands.
 */
export function ProblemsPanel({ findings, unchecked }: { findings: readonly Finding[]; unchecked?: string | undefined }) {
  const services = useServices();
  const { session, documents, host, canvas } = services;
  const visible = useStore(session, (state) => state.showProblems);
  // Fixes are edits; a read-only diagram offers none.
  const readOnly = useStore(documents, (state) => state.readOnly !== null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const counts = countBySeverity(findings);

  const focus = (finding: Finding) => {
    session.getState().select(finding.nodeIds, finding.edgeIds);
    const document = documents.getState().document;
    const edgeEnds = document.edges.filter((edge) => finding.edgeIds.includes(edge.id)).flatMap((edge) => [edge.source, edge.target]);
    canvas.current?.fitView([...new Set([...finding.nodeIds, ...edgeEnds])]);
  };

  const applyFix = (finding: Finding) => {
    if (!finding.fix) return;
    runOperation(services, applyFixOperation, { fix: finding.fix });
  };

  return (
    <section
      className={`stowage-problems${visible ? '' : ' is-collapsed'}`}
      aria-label="Problems"
      data-testid="problems-panel"
      {...refuseDrops(services.ui, 'Problems panel')}
    >
      <header className="stowage-problems__header">
        <button
          type="button"
          className="stowage-problems__toggle"
          onClick={() => void services.commands.run('view.toggleProblems')}
          aria-expanded={visible}
        >
          <span className="stowage-problems__chevron">{visible ? '▾' : '▸'}</span>
          Problems
        </button>
        <span className="stowage-count is-error" title="Errors" data-testid="count-error">
          {counts.error}
        </span>
        <span className="stowage-count is-warning" title="Warnings" data-testid="count-warning">
          {counts.warning}
        </span>
        <span className="stowage-count is-info" title="Info" data-testid="count-info">
          {counts.info}
        </span>
        {findings.length === 0 && !unchecked && (
          <span className="stowage-problems__clean">No problems found: AWS would accept this design as drawn.</span>
        )}
        {unchecked && (
          <span className="stowage-problems__unchecked" data-testid="problems-unchecked">
            {unchecked}
          </span>
        )}
      </header>
      {visible && findings.length > 0 && (
        <div className="stowage-problems__list">
          {SECTIONS.map((section) => {
            const items = findings.filter((finding) => finding.severity === section.severity);
            if (items.length === 0) return null;
            return (
              <div key={section.severity} className="stowage-problems__group">
                <h3>
                  {section.title} ({items.length})
                </h3>
                <ul>
                  {items.map((finding, index) => {
                    const key = `${finding.ruleId}:${finding.nodeIds.join(',')}:${finding.edgeIds.join(',')}:${index}`;
                    const rule = findRule(finding.ruleId);
                    const open = expanded === key;
                    return (
                      <li
                        key={key}
                        className={`stowage-problem is-${finding.severity}${open ? ' is-open' : ''}`}
                        data-rule={finding.ruleId}
                      >
                        <div className="stowage-problem__row">
                          <button
                            type="button"
                            className="stowage-problem__message"
                            onClick={() => {
                              focus(finding);
                              setExpanded(open ? null : key);
                            }}
                            title="Show the elements involved"
                          >
                            <span className={`stowage-severity is-${finding.severity}`} aria-label={finding.severity} />
                            <span>{finding.message}</span>
                          </button>
                          <code className="stowage-problem__rule">{finding.ruleId}</code>
                          {finding.fix && !readOnly && (
                            <button
                              type="button"
                              className="stowage-problem__fix"
                              onClick={() => applyFix(finding)}
                              data-testid="apply-fix"
                            >
                              {finding.fix.label}
                            </button>
                          )}
                          {rule && (
                            <button
                              type="button"
                              className="stowage-problem__docs"
                              onClick={() => void host.openExternal({ url: rule.docUrl })}
                              title={rule.docUrl}
                            >
                              Docs
                            </button>
                          )}
                        </div>
                        {open && rule && (
                          <p className="stowage-problem__explanation">
                            {rule.explanation}
                            {rule.teaches && <ConceptLink kindId={rule.teaches} />}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The concept a rule teaches: opens the kind's learn card. */
function ConceptLink({ kindId }: { kindId: KindId }) {
  const { ui } = useServices();
  const kind = getKind(kindId);
  return (
    <>
      {' '}
      <button
        type="button"
        className="stowage-problem__concept"
        onClick={() => ui.getState().showLearn(kind.id)}
        data-testid="rule-concept"
      >
        Learn: {kind.label}
      </button>
    </>
  );
}
