/** The app version from package.json, injected at build time (vite define). */
declare const __APP_VERSION__: string;
