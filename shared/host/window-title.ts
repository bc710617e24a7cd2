/**
 * How a window or tab is titled, for both hosts: "diagram.stowage — Stowage", with a "• "
 * prefix while there are unsaved changes. macOS shows unsaved changes in the close button
 * (BrowserWindow.setDocumentEdited) instead, so the Electron host there asks for no marker.
 */

export const APP_NAME = 'Stowage';
export const EDITED_MARKER = '• ';

export function formatWindowTitle(
  documentName: string,
  edited: boolean,
  options: { editedMarker: boolean } = { editedMarker: true },
): string {
  const name = documentName.trim();
  const base = name === '' || name === APP_NAME ? APP_NAME : `${name} — ${APP_NAME}`;
  return edited && options.editedMarker ? `${EDITED_MARKER}${base}` : base;
}
