import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Draft, type FileRef } from '../../shared/host/contract';
import { writeFileAtomic } from './atomic-write';

/**
 * The crash-recovery draft: the renderer writes its unsaved document here every few seconds;
 * after a crash the next start offers it back. One draft per app (Stowage has one window),
 * stored as JSON in userData and written atomically, so a crash during a draft write still
 * leaves the previous draft readable.
 *
 * Writes coalesce: while one write is in progress, further drafts replace each other and only
 * the newest is written next. A slow disk therefore never builds a queue of stale 20 MB drafts.
 */

/** Drafts hold a document of at most 20 M characters; JSON escaping can grow that a little. */
const MAX_DRAFT_FILE_BYTES = 128 * 1024 * 1024;

interface PendingWrite {
  draft: Draft;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export class DraftStore {
  #queue: Promise<unknown> = Promise.resolve();
  #pending: PendingWrite | null = null;

  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  write(text: string, file: FileRef | null): Promise<void> {
    const draft: Draft = { text, file, savedAt: this.now().toISOString() };
    return new Promise((resolve, reject) => {
      if (this.#pending) {
        this.#pending.draft = draft;
        this.#pending.waiters.push({ resolve, reject });
        return;
      }
      this.#pending = { draft, waiters: [{ resolve, reject }] };
      this.#enqueue(async () => {
        const batch = this.#pending;
        this.#pending = null;
        if (!batch) return;
        try {
          await mkdir(dirname(this.path), { recursive: true });
          await writeFileAtomic(this.path, JSON.stringify(batch.draft));
          for (const waiter of batch.waiters) waiter.resolve();
        } catch (error) {
          for (const waiter of batch.waiters) waiter.reject(error);
        }
      });
    });
  }

  /** The saved draft, or null when there is none or it cannot be read back whole. */
  async read(): Promise<Draft | null> {
    await this.#queue.catch(() => undefined);
    try {
      if ((await stat(this.path)).size > MAX_DRAFT_FILE_BYTES) return null;
      const parsed = Draft.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Deletes the draft; a write still waiting is dropped, since clearing supersedes it. */
  clear(): Promise<void> {
    const dropped = this.#pending;
    this.#pending = null;
    for (const waiter of dropped?.waiters ?? []) waiter.resolve();
    return this.#enqueue(async () => {
      await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.catch(() => undefined).then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
