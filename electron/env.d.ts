// Module types for electron-vite's import suffixes used by the main process ("?asset").
/// <reference types="electron-vite/node" />

/** The update feed URL baked in by electron.vite.config.ts (STOWAGE_UPDATE_URL at build time; '' for none). */
declare const __STOWAGE_UPDATE_URL__: string;
