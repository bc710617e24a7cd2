import type { CommandId } from '../../../shared/commands/definitions';
import type { AppServices } from '../app/services';
import { minimapVisible } from '../state/session-store';
import { newDocument, openDocument, save, saveAs } from '../files/file-actions';
import { isEditableTarget } from './shortcuts';
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
  selectAll,
} from './edit-actions';
import type { CommandBehaviour } from './registry';
import { redoLabel, undoLabel } from '../state/history';
import { redoWithSelection, undoWithSelection } from '../state/run-operation';

const NUDGE = 1;
const NUDGE_FAR = 10;

/** What every command does in this window. */
export function createBehaviours(services: AppServices): Record<CommandId, CommandBehaviour> {
  const { documents, session, canvas, ui } = services;
  const hasSelection = () => session.getState().selectedNodeIds.size > 0 || session.getState().selectedEdgeIds.size > 0;
  const hasNodeSelection = () => session.getState().selectedNodeIds.size > 0;
  const hasNodes = () => documents.getState().document.nodes.length > 0;
  const editingText = () => isEditableTarget(document.activeElement);
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
    'file.open': { run: () => openDocument(services) },
    'file.save': { run: async () => void (await save(services)) },
    'file.saveAs': { run: async () => void (await saveAs(services)) },
    'file.export': {
      run: () => ui.getState().showExport('image'),
      enabled: hasNodes,
    },

    // Undo and Select All arrive from the menu too: in a text field they act on the text.
    'edit.undo': {
      run: () => {
        if (editingText()) document.execCommand('undo');
        else undoWithSelection(services);
      },
      enabled: () => editingText() || documents.getState().history.past.length > 0,
      label: () => withStep('Undo', editingText() ? undefined : undoLabel(documents.getState().history)),
    },
    'edit.redo': {
      run: () => {
        if (editingText()) document.execCommand('redo');
        else redoWithSelection(services);
      },
      enabled: () => editingText() || documents.getState().history.future.length > 0,
      label: () => withStep('Redo', editingText() ? undefined : redoLabel(documents.getState().history)),
    },
    'edit.cut': {
      run: () => {
        if (editingText()) document.execCommand('cut');
        else writeClipboard(cutSelection(services));
      },
      enabled: () => editingText() || hasNodeSelection(),
    },
    'edit.copy': {
      run: () => {
        if (editingText()) document.execCommand('copy');
        else writeClipboard(copySelection(services));
      },
      enabled: () => editingText() || hasNodeSelection(),
    },
    'edit.paste': {
      run: async () => {
        if (editingText()) {
          document.execCommand('paste');
          return;
        }
        const text = await readClipboard();
        if (!pasteText(services, text ?? lastCopiedText(), services.pointer.current ?? undefined)) {
          ui.getState().toast('The clipboard holds nothing Stowage can paste.', 'warning');
        }
      },
    },
    'edit.duplicate': { run: () => duplicateSelection(services), enabled: hasNodeSelection },
    'edit.delete': { run: () => deleteSelection(services), enabled: hasSelection },
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
    'view.toggleSnap': {
      run: () => session.getState().setSnapToGrid(!session.getState().snapToGrid),
      checked: () => session.getState().snapToGrid,
    },

    'view.toggleProblems': {
      run: () => session.getState().setShowProblems(!session.getState().showProblems),
      checked: () => session.getState().showProblems,
    },

    'arrange.alignLeft': alignTo('left'),
    'arrange.alignCenter': alignTo('center'),
    'arrange.alignRight': alignTo('right'),
    'arrange.alignTop': alignTo('top'),
    'arrange.alignMiddle': alignTo('middle'),
    'arrange.alignBottom': alignTo('bottom'),
    'arrange.distributeHorizontally': distributeAlong('horizontal'),
    'arrange.distributeVertically': distributeAlong('vertical'),

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
