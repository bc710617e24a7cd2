import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { generateCdkApp, type GeneratedFile } from '../../../shared/export/cdk';
import { exportSvg } from '../../../shared/export/svg';
import { cdkExportRefusal, understoodPart } from '../../../shared/document';
import { toPortableFolderName } from '../../../shared/host/folder-export';
import { useServices } from '../app/services';
import { safeFileStem } from '../files/file-actions';
import { findingsFor } from '../problems/findings';

/**
 * The CDK app export: the generated project, file by file, before anything is written. A
 * design AWS would reject is not exported unless the user insists; then every problem is a
 * visible TODO in the code.
 */
export function CdkExport({ onDone }: { onDone: () => void }) {
  const { documents, host, ui } = useServices();
  const document = useStore(documents, (state) => state.document);
  const readOnly = useStore(documents, (state) => state.readOnly);
  const fileName = useStore(documents, (state) => state.file?.name ?? null);
  const findings = useMemo(() => findingsFor(understoodPart(document, readOnly)), [document, readOnly]);
  // A diagram with content from a newer Stowage is not exported: the app would silently lack it.
  const refusal = cdkExportRefusal(readOnly);
  const errors = findings.filter((finding) => finding.severity === 'error');
  const [appName, setAppName] = useState(() =>
    safeFileStem(fileName?.replace(/\.stowage$/i, '') ?? document.metadata.title)
      .toLowerCase()
      .replace(/[\s-]+/g, '-'),
  );
  const [force, setForce] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const result = useMemo(
    () =>
      refusal !== undefined
        ? ({ ok: false } as const)
        : generateCdkApp(document, {
            appName: appName.trim() || 'stowage-app',
            findings,
            force,
            versions: __CDK_ENVIRONMENT__.versions,
            ...(__CDK_ENVIRONMENT__.featureFlags ? { featureFlags: __CDK_ENVIRONMENT__.featureFlags } : {}),
            diagramSvg: exportSvg(document).svg,
          }),
    [appName, document, findings, force, refusal],
  );
  const files: GeneratedFile[] = result.ok ? result.files : [];
  // Open on the biggest stack: that is where the diagram's services are.
  const mainStack = files.filter((file) => file.path.startsWith('lib/')).sort((a, b) => b.content.length - a.content.length)[0];
  const shown = files.find((file) => file.path === selected) ?? mainStack ?? files[0];

  const write = async () => {
    if (!result.ok) return;
    setBusy(true);
    try {
      const saved = await host.exportFolder({ suggestedName: toPortableFolderName(appName), files: result.files });
      if (saved.status === 'error') ui.getState().showError('Could not export the CDK app', saved.message);
      else if (saved.status === 'saved') {
        ui.getState().toast(`Exported the CDK app to ${saved.file.name}. Its README explains how to deploy.`, 'success');
        onDone();
      }
    } catch (error) {
      ui.getState().showError('Could not export the CDK app', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stowage-cdk">
      <div className="stowage-cdk__bar">
        <label className="stowage-export__field">
          App name
          <input value={appName} onChange={(event) => setAppName(event.target.value)} maxLength={100} data-field="app-name" />
        </label>
        <p className="stowage-cdk__about">
          A TypeScript app shaped like <code>cdk init app</code>, pinned to aws-cdk-lib {__CDK_ENVIRONMENT__.versions.awsCdkLib}: VPC,
          clusters, services, load balancers, images, EFS and scaling from the diagram.
        </p>
      </div>
      {refusal !== undefined && (
        <div className="stowage-cdk__refusal" role="alert" data-testid="cdk-newer-refusal">
          <strong>Not exported.</strong> {refusal}
        </div>
      )}
      {refusal === undefined && errors.length > 0 && (
        <div className={`stowage-cdk__refusal${force ? ' is-forced' : ''}`} role="alert" data-testid="cdk-refusal">
          <strong>
            {errors.length} {errors.length === 1 ? 'error' : 'errors'}: AWS would reject this design as drawn.
          </strong>{' '}
          Fix {errors.length === 1 ? 'it' : 'them'} in the Problems panel, or export anyway and each problem becomes a{' '}
          <code>TODO(stowage)</code> in the code.
          <ul>
            {errors.slice(0, 5).map((finding, index) => (
              <li key={index}>
                <code>{finding.ruleId}</code> {finding.message}
              </li>
            ))}
            {errors.length > 5 && <li>… and {errors.length - 5} more.</li>}
          </ul>
          <label>
            <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} data-field="force" /> Export anyway
          </label>
        </div>
      )}
      {result.ok && (
        <div className="stowage-cdk__files">
          <ul className="stowage-cdk__list" aria-label="Generated files">
            {files.map((file) => (
              <li key={file.path}>
                <button type="button" className={file === shown ? 'is-active' : ''} onClick={() => setSelected(file.path)}>
                  {file.path}
                </button>
              </li>
            ))}
          </ul>
          <pre className="stowage-cdk__code" data-testid="cdk-file" tabIndex={0}>
            {shown?.content}
          </pre>
        </div>
      )}
      {refusal === undefined && (
        <div className="stowage-export__actions">
          <button type="button" className="is-primary" disabled={!result.ok || busy} onClick={() => void write()} data-testid="cdk-export">
            Export {files.length} files…
          </button>
        </div>
      )}
    </div>
  );
}
