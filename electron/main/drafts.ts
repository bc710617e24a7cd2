import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Draft, DraftId, type DraftSummary, type FileRef } from '../../shared/host/contract';
import { writeFileAtomic } from './atomic-write';

/**
 * Crash-recovery drafts: the renderer writes its unsaved document every few seconds; after a
 * crash the next start offers it back. Each window page has a draft of its own,
 * `userData/recovery/<id>.json`, written atomically so a crash during a write still leaves
 * the previous draft readable.
 *
 * Every operation on one draft runs in the order it was asked for (a read issued before a
 * delete sees the draft). Writes coalesce: while one write is in progress, further drafts
 * replace each other and only the newest is written next, so a slow disk never builds a
 * queue of stale 20 MB drafts.
 */

/** Drafts hold a document of at most 20 M characters; JSON escaping can grow that a little. */
const MAX_DRAFT_FILE_BYTES = 128 * 1024 * 1024;
const DRAFT_SUFFIX = '.json';

interface PendingWrite {
  draft: Draft;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export interface StoredDraft {
  id: string;
  draft: Draft;
}

export class DraftStore {
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #pending = new Map<string, PendingWrite>();

  constructor(
    /** userData/recovery */
    readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  write(id: string, text: string, file: FileRef | null): Promise<void> {
    const draft: Draft = { text, file, savedAt: this.now().toISOString() };
    return new Promise((resolve, reject) => {
      const pending = this.#pending.get(id);
      if (pending) {
        pending.draft = draft;
        pending.waiters.push({ resolve, reject });
        return;
      }
      this.#pending.set(id, { draft, waiters: [{ resolve, reject }] });
      void this.#enqueue(id, async () => {
        const batch = this.#pending.get(id);
        this.#pending.delete(id);
        if (!batch) return;
        try {
          await mkdir(this.folder, { recursive: true });
          await writeFileAtomic(this.#pathOf(id), JSON.stringify(batch.draft));
          for (const waiter of batch.waiters) waiter.resolve();
        } catch (error) {
          for (const waiter of batch.waiters) waiter.reject(error);
        }
      }).catch(() => undefined);
    });
  }

  /** The draft, or null when there is none or it cannot be read back whole. */
  read(id: string): Promise<Draft | null> {
    return this.#enqueue(id, () => this.#readNow(id));
  }

  /** Deletes the draft; a write still waiting is dropped, since deleting supersedes it. */
  delete(id: string): Promise<void> {
    const dropped = this.#pending.get(id);
    this.#pending.delete(id);
    for (const waiter of dropped?.waiters ?? []) waiter.resolve();
    return this.#enqueue(id, async () => {
      await unlink(this.#pathOf(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    });
  }

  /** Every readable draft, newest first. */
  async list(): Promise<StoredDraft[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const ids = names.filter((name) => name.endsWith(DRAFT_SUFFIX)).map((name) => name.slice(0, -DRAFT_SUFFIX.length));
    const drafts = await Promise.all(
      ids.filter((id) => DraftId.safeParse(id).success).map(async (id) => ({ id, draft: await this.read(id) })),
    );
    return drafts
      .filter((entry): entry is StoredDraft => entry.draft !== null)
      .sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
  }

  #pathOf(id: string): string {
    // Ids are checked by the contract's pattern (letters, digits, dashes), so this stays in the folder.
    if (!DraftId.safeParse(id).success) throw new Error(`Not a draft id: ${JSON.stringify(id)}`);
    return join(this.folder, `${id}${DRAFT_SUFFIX}`);
  }

  async #readNow(id: string): Promise<Draft | null> {
    try {
      const path = this.#pathOf(id);
      if ((await stat(path)).size > MAX_DRAFT_FILE_BYTES) return null;
      const parsed = Draft.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Runs `task` after everything asked of draft `id` before it. */
  #enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(task);
    const settled = run.catch(() => undefined);
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return run;
  }
}

/**
 * The drafts of the window's current page. `begin` (the page starting) gives the page a new
 * draft of its own, so a reloaded or crashed page's draft is left for recovery, never
 * overwritten or cleared by its successor; the page may then read or discard only the one
 * draft it claimed.
 */
export class WindowDrafts {
  #own: string | null = null;
  readonly #claimed = new Set<string>();

  constructor(
    private readonly store: DraftStore,
    private readonly newId: () => string = randomUUID,
  ) {}

  async begin(): Promise<DraftSummary | null> {
    this.#own = this.newId();
    this.#claimed.clear();
    const newest = (await this.store.list()).find((entry) => entry.id !== this.#own);
    if (!newest) return null;
    this.#claimed.add(newest.id);
    return { id: newest.id, file: newest.draft.file, savedAt: newest.draft.savedAt };
  }

  write(text: string, file: FileRef | null): Promise<void> {
    return this.store.write(this.#ownId(), text, file);
  }

  /** Deletes the page's own draft (its document was saved, or its changes discarded). */
  clear(): Promise<void> {
    return this.store.delete(this.#ownId());
  }

  read(id: string): Promise<Draft | null> {
    return this.#claimed.has(id) ? this.store.read(id) : Promise.resolve(null);
  }

  async discard(id: string): Promise<void> {
    if (!this.#claimed.has(id)) return;
    await this.store.delete(id);
    this.#claimed.delete(id);
  }

  /** A page that never called begin (it should) still gets a draft of its own. */
  #ownId(): string {
    this.#own ??= this.newId();
    return this.#own;
  }
}
