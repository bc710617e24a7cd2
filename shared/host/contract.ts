import { z } from 'zod';
import { LIMITS } from '../document/limits';
import {
  folderExportProblems,
  isPortableName,
  isPortableRelativePath,
  MAX_FOLDER_EXPORT_CHARS,
  MAX_FOLDER_EXPORT_FILES,
  MAX_FOLDER_FILE_PATH_LENGTH,
  MAX_FOLDER_NAME_LENGTH,
} from './folder-export';

/**
 * The one contract between the renderer and whatever hosts it: the Electron main process
 * (through the preload) or the browser build. Channel names and payload schemas are declared
 * here once; the preload exposes exactly these, main validates every payload against them,
 * and the browser host implements the same HostApi.
 */

/** Document text crosses the bridge as a string; a file within the byte limit never has more UTF-16 units than bytes. */
export const MAX_DOCUMENT_CHARS = LIMITS.maxFileBytes;
/** Exports (PNG as base64 of an 8k × 8k image) can be larger than documents. */
const MAX_EXPORT_CHARS = 200 * 1024 * 1024;

const FilePath = z.string().min(1).max(4096);
const DocumentText = z.string().max(MAX_DOCUMENT_CHARS);

export const FileRef = z.strictObject({
  /** Absolute path in Electron; a display name in the browser (which has no paths). */
  path: FilePath,
  /** The file name shown in the title bar. */
  name: z.string().min(1).max(1024),
});
export type FileRef = z.infer<typeof FileRef>;

export const OpenResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('opened'), file: FileRef, text: DocumentText }),
  z.strictObject({ status: z.literal('canceled') }),
  z.strictObject({ status: z.literal('error'), message: z.string().max(2000) }),
]);
export type OpenResult = z.infer<typeof OpenResult>;

export const SaveResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), file: FileRef }),
  z.strictObject({ status: z.literal('canceled') }),
  z.strictObject({ status: z.literal('error'), message: z.string().max(2000) }),
]);
export type SaveResult = z.infer<typeof SaveResult>;

export const RecentFile = FileRef;
export type RecentFile = FileRef;

export const Draft = z.strictObject({
  text: DocumentText,
  /** The file the draft belongs to, if it was ever saved. */
  file: FileRef.nullable(),
  /** ISO time the draft was written. */
  savedAt: z.string().max(64),
});
export type Draft = z.infer<typeof Draft>;

/**
 * Drafts are kept per window page: each page load writes its own, and only the page that owns
 * a draft (or one that claimed a draft whose page is gone) may delete it. Ids are made by the
 * host, never by the page.
 */
export const DraftId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** A draft left by a window page that is gone, claimed for recovery by this page. */
export const DraftSummary = z.strictObject({
  id: DraftId,
  file: FileRef.nullable(),
  savedAt: z.string().max(64),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const UnsavedChangesChoice = z.enum(['save', 'discard', 'cancel']);
export type UnsavedChangesChoice = z.infer<typeof UnsavedChangesChoice>;

export const ExportFormat = z.enum(['svg', 'png', 'json', 'drawio']);

/** A folder of generated text files (the CDK app), written as a new folder the user places. */
export const FolderExportRequest = z.strictObject({
  /** The name of the folder to create; one portable name, no path. */
  suggestedName: z.string().min(1).max(MAX_FOLDER_NAME_LENGTH).refine(isPortableName, {
    message:
      'must be a plain folder name that works on every system: no / \\ : * ? " < > | or control characters, not . or .., not ending in a dot or space',
  }),
  files: z
    .array(
      z.strictObject({
        /** Relative to the new folder, forward slashes: "lib/app-stack.ts". */
        path: z.string().min(1).max(MAX_FOLDER_FILE_PATH_LENGTH).refine(isPortableRelativePath, {
          message:
            'must be a relative path inside the folder (forward slashes, no .. or empty parts) made of names that work on every system',
        }),
        content: z.string().max(MAX_FOLDER_EXPORT_CHARS),
      }),
    )
    .min(1)
    .max(MAX_FOLDER_EXPORT_FILES)
    .superRefine((files, context) => {
      for (const problem of folderExportProblems(files)) {
        context.addIssue({ code: 'custom', message: problem.message, path: problem.index >= 0 ? [problem.index, 'path'] : [] });
      }
    }),
});
export type FolderExportRequest = z.infer<typeof FolderExportRequest>;

/** A trainer's own templates: small diagrams, so a gallery of them crosses the bridge at once. */
export const MAX_OWN_TEMPLATES = 40;
export const MAX_OWN_TEMPLATE_CHARS = 2 * 1024 * 1024;

export const OwnTemplates = z.strictObject({
  /** The folder they are read from on the desktop; null in the browser, which keeps imported files itself. */
  folder: FilePath.nullable(),
  files: z.array(z.strictObject({ name: z.string().min(1).max(255), text: z.string().max(MAX_OWN_TEMPLATE_CHARS) })).max(MAX_OWN_TEMPLATES),
  /** Files left out (too large, too many, unreadable), by name, so the gallery can say so. */
  skipped: z.array(z.string().max(1024)).max(100),
});
export type OwnTemplates = z.infer<typeof OwnTemplates>;

export const HOST_CHANNELS = {
  openDocument: {
    channel: 'file:open',
    request: z.strictObject({}),
    response: OpenResult,
  },
  openRecent: {
    channel: 'file:open-recent',
    request: z.strictObject({ path: FilePath }),
    response: OpenResult,
  },
  saveDocument: {
    channel: 'file:save',
    request: z.strictObject({ path: FilePath, text: DocumentText }),
    response: SaveResult,
  },
  saveDocumentAs: {
    channel: 'file:save-as',
    request: z.strictObject({ suggestedName: z.string().min(1).max(255), text: DocumentText }),
    response: SaveResult,
  },
  exportFile: {
    channel: 'file:export',
    request: z.strictObject({
      suggestedName: z.string().min(1).max(255),
      format: ExportFormat,
      /** Text for SVG, JSON and draw.io; base64 for PNG. */
      data: z.string().max(MAX_EXPORT_CHARS),
      encoding: z.enum(['utf8', 'base64']),
    }),
    response: SaveResult,
  },
  /** Creates `suggestedName` in a folder the user picks and writes `files` into it; `file` is the new folder. */
  exportFolder: {
    channel: 'file:export-folder',
    request: FolderExportRequest,
    response: SaveResult,
  },
  listRecent: {
    channel: 'recent:list',
    request: z.strictObject({}),
    response: z.array(RecentFile).max(20),
  },
  clearRecent: {
    channel: 'recent:clear',
    request: z.strictObject({}),
    response: z.null(),
  },
  /** The trainer's own templates (the start screen's gallery). */
  listOwnTemplates: {
    channel: 'templates:list',
    request: z.strictObject({}),
    response: OwnTemplates,
  },
  /**
   * Lets the user add templates: the desktop asks for a folder of .stowage files and remembers it
   * (the folder replaces the one chosen before); the browser asks for .stowage files and keeps
   * copies of them. Answers with the templates as listOwnTemplates would.
   */
  addOwnTemplates: {
    channel: 'templates:add',
    request: z.strictObject({}),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('added'), templates: OwnTemplates }),
      z.strictObject({ status: z.literal('canceled') }),
      z.strictObject({ status: z.literal('error'), message: z.string().max(2000) }),
    ]),
  },
  /** Forgets one template: the browser deletes its copy; the desktop stops reading the folder when `name` is null. */
  removeOwnTemplate: {
    channel: 'templates:remove',
    request: z.strictObject({ name: z.string().min(1).max(255).nullable() }),
    response: OwnTemplates,
  },
  /**
   * Called once when a page starts: gives it a fresh draft of its own and claims the newest
   * draft whose page is gone (crashed, closed without saving), if any, for it to offer back.
   */
  beginDrafts: {
    channel: 'draft:begin',
    request: z.strictObject({}),
    response: DraftSummary.nullable(),
  },
  /** Writes this page's own draft (the unsaved document). */
  writeDraft: {
    channel: 'draft:write',
    request: z.strictObject({ text: DocumentText, file: FileRef.nullable() }),
    response: z.null(),
  },
  /** The content of a draft this page claimed with beginDrafts; null for any other id. */
  readDraft: {
    channel: 'draft:read',
    request: z.strictObject({ id: DraftId }),
    response: Draft.nullable(),
  },
  /** Deletes a draft this page claimed (recovered into its own draft, or discarded by the user). */
  discardDraft: {
    channel: 'draft:discard',
    request: z.strictObject({ id: DraftId }),
    response: z.null(),
  },
  /** Deletes this page's own draft: its document was saved, or the user discarded the changes. */
  clearDraft: {
    channel: 'draft:clear',
    request: z.strictObject({}),
    response: z.null(),
  },
  confirmUnsavedChanges: {
    channel: 'dialog:unsaved-changes',
    request: z.strictObject({ documentName: z.string().max(1024) }),
    response: UnsavedChangesChoice,
  },
  setWindowState: {
    channel: 'window:set-state',
    request: z.strictObject({
      title: z.string().max(1024),
      edited: z.boolean(),
      /** Command ids whose menu items should be enabled. */
      enabledCommands: z.array(z.string().max(64)).max(200),
      /** Menu labels that differ from the command list's right now ("Undo Move 3 components"). */
      commandLabels: z.array(z.strictObject({ id: z.string().max(64), label: z.string().max(200) })).max(200),
    }),
    response: z.null(),
  },
  closeWindow: {
    channel: 'window:close',
    request: z.strictObject({}),
    response: z.null(),
  },
  openExternal: {
    channel: 'shell:open-external',
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.boolean(),
  },
} as const;

export type HostMethod = keyof typeof HOST_CHANNELS;
export type HostRequest<M extends HostMethod> = z.input<(typeof HOST_CHANNELS)[M]['request']>;
export type HostResponse<M extends HostMethod> = z.output<(typeof HOST_CHANNELS)[M]['response']>;

/** Messages main sends to the renderer. */
export const HOST_EVENTS = {
  /** A menu item was chosen; payload is a command id. */
  menuCommand: { channel: 'menu:command', payload: z.strictObject({ commandId: z.string().max(64) }) },
  /** The user tried to close the window; the renderer decides, then calls closeWindow. */
  closeRequested: { channel: 'window:close-requested', payload: z.strictObject({}) },
  /** The OS asked to open a file (file association, second instance, macOS open-file). */
  openFile: { channel: 'file:open-requested', payload: OpenResult },
} as const;

export type HostEvent = keyof typeof HOST_EVENTS;
export type HostEventPayload<E extends HostEvent> = z.output<(typeof HOST_EVENTS)[E]['payload']>;

/** What the renderer can ask of its host. Every method maps 1:1 to a channel above. */
export type HostApi = {
  [M in HostMethod]: (request: HostRequest<M>) => Promise<HostResponse<M>>;
} & {
  /** Subscribe to an event from the host; returns an unsubscribe function. */
  on: <E extends HostEvent>(event: E, listener: (payload: HostEventPayload<E>) => void) => () => void;
  /** 'electron' or 'browser', for the few places the UI differs (native menu vs in-app menu bar). */
  readonly kind: 'electron' | 'browser';
  readonly platform: 'mac' | 'windows' | 'linux' | 'other';
};

/** Documentation hosts the app may open in the system browser. Anything else is refused. */
export const EXTERNAL_URL_ALLOWLIST = ['docs.aws.amazon.com', 'aws.amazon.com', 'docs.docker.com', 'kubernetes.io', 'github.com'] as const;

export function isAllowedExternalUrl(url: string): boolean {
  // No URL class here (shared/ has no DOM or Node globals): https only, no credentials or port.
  const match = /^https:\/\/([a-z0-9.-]+)(?:[/?#]|$)/i.exec(url);
  if (!match || /[\s\\]/.test(url)) return false;
  const hostname = match[1]!.toLowerCase();
  return EXTERNAL_URL_ALLOWLIST.some((host) => hostname === host || hostname.endsWith(`.${host}`));
}
