import { exportDrawio } from '../../../shared/export/drawio';
import type { AppServices } from '../app/services';
import { safeFileStem } from '../files/file-actions';

/**
 * File ▸ Export draw.io…: the whole diagram as a .drawio file, saved where the user picks (a
 * save dialog on the desktop, the browser's save or download), to go on editing in draw.io.
 */
export async function exportDrawioFile(services: AppServices): Promise<void> {
  const { documents, host, ui } = services;
  const { document, file } = documents.getState();
  const stem = safeFileStem(file?.name.replace(/\.stowage$/i, '') ?? document.metadata.title);
  try {
    const saved = await host.exportFile({
      suggestedName: `${stem}.drawio`,
      format: 'drawio',
      data: exportDrawio(document).xml,
      encoding: 'utf8',
    });
    if (saved.status === 'error') ui.getState().showError('Could not export', saved.message);
    else if (saved.status === 'saved') ui.getState().toast(`Exported ${saved.file.name} for draw.io`, 'success');
  } catch (error) {
    ui.getState().showError('Could not export', error instanceof Error ? error.message : String(error));
  }
}
