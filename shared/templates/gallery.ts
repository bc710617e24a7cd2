import { loadDocument, type DiagramDocument } from '../document';
import { exportSvg, type ExportTheme } from '../export/svg';

/**
 * Templates: `.stowage` files a new diagram starts from. The built-in ones are the files in this
 * folder (one per workshop concept; the renderer bundles them, the tests read them from disk);
 * trainers add their own. Every template goes through the one loader, so a template is exactly
 * what opening the file would show, and one that does not load is refused with the loader's reason.
 */

export interface Template {
  /** Stable within its source: the file name for built-in templates, a stored key for a trainer's. */
  id: string;
  source: 'built-in' | 'own';
  title: string;
  description: string;
  document: DiagramDocument;
}

export type TemplateLoad = { ok: true; template: Template } | { ok: false; message: string };

/** Reads a template file; `name` is its file name (used for the id and, when the file has no title, the title). */
export function templateFromText(name: string, text: string, source: Template['source']): TemplateLoad {
  const loaded = loadDocument(text);
  if (!loaded.ok) return { ok: false, message: `${name} is not a diagram Stowage can open: ${loaded.error.message}` };
  // A template from a newer Stowage would open read-only: a new diagram must be editable.
  if (loaded.newer)
    return { ok: false, message: `${name} was saved by a newer version of Stowage; update Stowage to use it as a template.` };
  const { title, description } = loaded.document.metadata;
  return {
    ok: true,
    template: { id: name, source, title: title.trim() || stem(name), description, document: loaded.document },
  };
}

/** The built-in templates in gallery order: by file name, whose number prefix sets the order ("00-blank" first). */
export function builtInTemplates(files: Readonly<Record<string, string>>): Template[] {
  return Object.entries(files)
    .map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, text]) => {
      const result = templateFromText(name, text, 'built-in');
      // A built-in template that does not load is a defect of this build, which the template tests catch.
      if (!result.ok) throw new Error(result.message);
      return result.template;
    });
}

/** The thumbnail of a template: the SVG export of its diagram (the blank template draws an empty page). */
export function templateThumbnail(template: Template, theme: ExportTheme = 'light'): string {
  return exportSvg(template.document, { padding: 24, theme }).svg;
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'Template';
}
