import type { AppServices } from '../app/services';
import { startScreenAtLaunch } from './start-setting';

/**
 * After the window's launch checks (a draft offered back, a file the OS opened), an empty new
 * window shows the start screen, unless the user turned that off.
 */
export function showStartScreenAtLaunch(services: AppServices): void {
  const { document, file } = services.documents.getState();
  if (!startScreenAtLaunch() || file !== null || document.nodes.length > 0 || services.ui.getState().dialog !== null) return;
  services.ui.getState().showStart();
}
