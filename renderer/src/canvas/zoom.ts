/** Below this zoom, 11 px text is a few pixels tall: summaries, edge labels and grid dots are left out. */
export const FAR_ZOOM = 0.4;
