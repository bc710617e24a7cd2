import { builtInTemplates, type Template } from '../../../shared/templates/gallery';

// The built-in templates are bundled as text: the files of shared/templates, read by the one loader.
const files = import.meta.glob<string>('../../../shared/templates/*.stowage', { query: '?raw', import: 'default', eager: true });

let loaded: Template[] | null = null;

/** Loaded the first time the gallery opens, not at start-up. */
export function builtIn(): Template[] {
  loaded ??= builtInTemplates(files);
  return loaded;
}
