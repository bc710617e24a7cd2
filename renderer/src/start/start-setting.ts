import { safeLocalStorage } from '../../host/browser-storage';

/** Whether the start screen opens with an empty window; trainers who know their way turn it off on the screen itself. */
export const START_SCREEN_SETTING = 'stowage.startScreen';

const settings = safeLocalStorage();

export function startScreenAtLaunch(): boolean {
  return settings.read(START_SCREEN_SETTING) !== 'off';
}

export function setStartScreenAtLaunch(show: boolean): void {
  if (show) settings.remove(START_SCREEN_SETTING);
  else settings.write(START_SCREEN_SETTING, 'off');
}
