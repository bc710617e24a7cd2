import type { CommandId } from '../../../shared/commands/definitions';
import type { AppServices } from '../app/services';
import { minimapVisible } from '../state/session-store';
import { currentTheme, setTheme } from '../theme/theme';
import { newDocument, openDocument, save, saveAs } from '../files/file-actions';
import { hasOwnUndo, isEditableTarget } from './shortcuts';
import type { Alignment, DistributeAxis } from '../../../shared/operations';
import {
  alignSelection,
  distributeSelection,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  lastCopiedText,
  nudgeSelection,
  pasteText,
  restackSelection,
  selectAll,
} from './edit-actions';
import { findKind } from '../../../shared/catalog';
import { pasteMessage } from '../canvas/placement-messages';
import { useRenaming } from '../canvas/rename-state';
import type { RestackMove } from '../../../shared/document';
import type { CommandBehaviour } from './registry';
import { redoLabel, undoLabel } from '../state/history';
import { redoWithSelection, undoWithSelection } from '../state/run-operation';
import { exportDrawioFile } from '../export/drawio-export';
import { arrange, fitSelectedGroups, isArranging, selectedGroupWithContents, selectedGroupsWithContents } from '../layout/arrange-actions';

const NUDGE = 1;
const NUDGE_FAR = 10;

/** What every command does in this window. */
export function createBehaviours(services: AppServices): Record<CommandId, CommandBehaviour> {
  const { documents, session, canvas, ui } = services;
  const hasSelection = () => session.getState().selectedNodeIds.size > 0 || session.getState().selectedEdgeIds.size > 0;
  const hasNodeSelection = () => session.getState().selectedNodeIds.size > 0;
  const hasNodes = () => documents.getState().document.nodes.length > 0;
  const editingText = () => isEditableTarget(document.activeElement);
  // Undo in a field with nothing of its own to undo goes to the document (see hasOwnUndo).
  const undoingText = () => hasOwnUndo(document.activeElement);
  const groupSelected = () => {
    const { document: diagram } = documents.getState();
    const selected = session.getState().selectedNodeIds;
    return diagram.nodes.some((node) => selected.has(node.id) && findKind(node.kind)?.group !== undefined);
  };
  /** "Copy (with contents)": copying a group copies everything inside it, on purpose. */
  const withContents = (label: string) => () => (!editingText() && groupSelected() ? `${label} (with contents)` : label);
  const restack = (move: RestackMove): CommandBehaviour => ({
    run: () => restackSelection(services, move),
    enabled: hasNodeSelection,
  });
  const minimapShown = () => minimapVisible(session.getState().minimap, documents.getState().document.nodes.length);
  const alignTo = (alignment: Alignment): CommandBehaviour => ({
    run: () => alignSelection(services, alignment),
    enabled: () => session.getState().selectedNodeIds.size >= 2,
  });
  const distributeAlong = (axis: DistributeAxis): CommandBehaviour => ({
    run: () => distributeSelection(services, axis),
    enabled: () => session.getState().selectedNodeIds.size >= 3,
  });
  const nudge = (dx: number, dy: number): CommandBehaviour => ({
    run: () => nudgeSelection(services, dx, dy),
    enabled: hasNodeSelection,
  });

  return {
    'file.new': { run: () => newDocument(services) },
    'file.newFromTemplate': { run: () => ui.getState().showStart() },
    'file.open': { run: () => openDocument(services) },
    'file.save': { run: async () => void (await save(services)) },
    'file.saveAs': { run: async () => void (await saveAs(services)) },
    'file.export': {
      run: () => ui.getState().showExport('image'),
      enabled: hasNodes,
    },
    'file.exportDrawio': { run: () => exportDrawioFile(services), enabled: hasNodes },

    // Undo and Select All arrive from the menu too: in a text field they act on the text.
    'edit.undo': {
      run: () => {
        if (undoingText()) document.execCommand('undo');
        else undoWithSelection(services);
      },
      enabled: () => undoingText() || documents.getState().history.past.length > 0,
      label: () => withStep('Undo', undoingText() ? undefined : undoLabel(documents.getState().history)),
    },
    'edit.redo': {
      run: () => {
        if (undoingText()) document.execCommand('redo');
        else redoWithSelection(services);
      },
      enabled: () => undoingText() || documents.getState().history.future.length > 0,
      label: () => withStep('Redo', undoingText() ? undefined : redoLabel(documents.getState().history)),
    },
    'edit.cut': {
      run: () => {
        if (editingText()) document.execCommand('cut');
        else writeClipboard(cutSelection(services));
      },
      enabled: () => editingText() || hasNodeSelection(),
      label: withContents('Cut'),
    },
    'edit.copy': {
      run: () => {
        if (editingText()) document.execCommand('copy');
        else writeClipboard(copySelection(services));
      },
      enabled: () => editingText() || hasNodeSelection(),
      label: withContents('Copy'),
    },
    'edit.paste': {
      run: async () => {
        if (editingText()) {
          document.execCommand('paste');
          return;
        }
        const text = await readClipboard();
        const report = pasteText(services, text ?? lastCopiedText(), services.pointer.current ?? undefined);
        if (!report) {
          ui.getState().toast('The clipboard holds nothing Stowage can paste.', 'warning');
          return;
        }
        const message = pasteMessage(documents.getState().document, report);
        if (message) ui.getState().toast(message, 'info');
      },
    },
    'edit.duplicate': { run: () => duplicateSelection(services), enabled: hasNodeSelection, label: withContents('Duplicate') },
    'edit.delete': { run: () => deleteSelection(services), enabled: hasSelection },
    'edit.rename': {
      run: () => {
        const [only] = session.getState().selectedNodeIds;
        if (only !== undefined) useRenaming.getState().open(only);
      },
      enabled: () => session.getState().selectedNodeIds.size === 1 && session.getState().selectedEdgeIds.size === 0,
    },
    'edit.deselect': { run: () => session.getState().clearSelection(), enabled: hasSelection },
    'edit.selectAll': {
      run: () => {
        if (editingText()) document.execCommand('selectAll');
        else selectAll(services);
      },
    },
    'edit.nudgeLeft': nudge(-NUDGE, 0),
    'edit.nudgeRight': nudge(NUDGE, 0),
    'edit.nudgeUp': nudge(0, -NUDGE),
    'edit.nudgeDown': nudge(0, NUDGE),
    'edit.nudgeLeftFar': nudge(-NUDGE_FAR, 0),
    'edit.nudgeRightFar': nudge(NUDGE_FAR, 0),
    'edit.nudgeUpFar': nudge(0, -NUDGE_FAR),
    'edit.nudgeDownFar': nudge(0, NUDGE_FAR),

    'view.zoomIn': { run: () => canvas.current?.zoomIn() },
    'view.zoomOut': { run: () => canvas.current?.zoomOut() },
    'view.zoomReset': { run: () => canvas.current?.zoomTo(1) },
    'view.fit': { run: () => canvas.current?.fitView() },
    'view.toggleMinimap': {
      run: () => session.getState().setMinimap(minimapShown() ? 'off' : 'on'),
      checked: minimapShown,
    },
    'view.toggleDarkMode': {
      run: () => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'),
      checked: () => currentTheme() === 'dark',
    },
    'view.toggleSnap': {
      run: () => session.getState().setSnapToGrid(!session.getState().snapToGrid),
      checked: () => session.getState().snapToGrid,
    },

    'view.toggleSimulate': {
      run: () => services.simulation.getState().setOpen(!services.simulation.getState().open),
      checked: () => services.simulation.getState().open,
    },
    'view.toggleProblems': {
      run: () => session.getState().setShowProblems(!session.getState().showProblems),
      checked: () => session.getState().showProblems,
    },
    // The Layers panel shares the left sidebar with the palette, so showing it never moves the canvas.
    'view.toggleLayers': {
      run: () => session.getState().setSidebarTab(session.getState().sidebarTab === 'layers' ? 'components' : 'layers'),
      checked: () => session.getState().sidebarTab === 'layers',
    },

    'arrange.bringToFront': restack('front'),
    'arrange.bringForward': restack('forward'),
    'arrange.sendBackward': restack('backward'),
    'arrange.sendToBack': restack('back'),
    'arrange.alignLeft': alignTo('left'),
    'arrange.alignCenter': alignTo('center'),
    'arrange.alignRight': alignTo('right'),
    'arrange.alignTop': alignTo('top'),
    'arrange.alignMiddle': alignTo('middle'),
    'arrange.alignBottom': alignTo('bottom'),
    'arrange.distributeHorizontally': distributeAlong('horizontal'),
    'arrange.distributeVertically': distributeAlong('vertical'),
    'arrange.layoutDiagram': {
      run: () => arrange(services, { kind: 'diagram' }),
      enabled: () => hasNodes() && !isArranging(),
    },
    'arrange.layoutGroup': {
      run: () => {
        const groupId = selectedGroupWithContents(services);
        return groupId === undefined ? undefined : arrange(services, { kind: 'group', groupId });
      },
      enabled: () => selectedGroupWithContents(services) !== undefined && !isArranging(),
    },
    'arrange.fitGroup': {
      run: () => fitSelectedGroups(services),
      enabled: () => selectedGroupsWithContents(services).length > 0,
      label: () => (selectedGroupsWithContents(services).length > 1 ? 'Fit Groups to Contents' : 'Fit Group to Contents'),
    },

    'help.shortcuts': { run: () => ui.getState().showShortcuts() },
    'help.about': { run: () => ui.getState().showAbout() },
  };
}

/** "Undo Move 3 components": the command's name with the step it would take. */
function withStep(verb: string, step: string | undefined): string {
  return step ? `${verb} ${step}` : verb;
}

/** Menu-driven copy in a browser: write through the async Clipboard API (keyboard copy uses the copy event instead). */
function writeClipboard(text: string | null): void {
  if (!text) return;
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

async function readClipboard(): Promise<string | null> {
  try {
    return (await navigator.clipboard?.readText()) ?? null;
  } catch {
    return null;
  }
}
