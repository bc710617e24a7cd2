// Module types for electron-vite's import suffixes used by the main process ("?asset").
/// <reference types="electron-vite/node" />
