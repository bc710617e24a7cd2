import { Draft, DraftId, type DraftSummary, type FileRef } from '../../shared/host/contract';
import type { KeyValueStore, SmallStorage } from './browser-storage';

/**
 * Recovery drafts in the browser. Every tab (every page load) writes a draft of its own,
 * `draft:<id>` in IndexedDB, and holds a lock named after it for as long as it is open. A
 * draft whose lock nobody holds belongs to a tab that is gone — closed with unsaved changes,
 * crashed, reloaded — and is offered back by the next tab that starts, which claims it by
 * taking its lock. So a second tab never sees, let alone deletes, the first tab's live work.
 *
 * Operations on one draft run in the order they were asked for.
 */

/** Holds named locks for the life of this page. */
export interface PageLocks {
  /** Takes `name` if no other page holds it; resolves true when this page now holds it. */
  tryHold(name: string): Promise<boolean>;
  release(name: string): void;
}

/** The Web Locks API (every current browser): a lock is released when its page goes away, however it goes. */
export function webPageLocks(locks: LockManager): PageLocks {
  const releases = new Map<string, () => void>();
  return {
    tryHold(name) {
      if (releases.has(name)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            resolve(true);
            return new Promise<void>((release) => releases.set(name, release));
          })
          .catch(() => resolve(false));
      });
    },
    release(name) {
      releases.get(name)?.();
      releases.delete(name);
    },
  };
}

/** A lock older than this without a heartbeat belongs to a page that is gone. */
export const HEARTBEAT_STALE_MS = 15_000;
export const HEARTBEAT_INTERVAL_MS = 4_000;
const HEARTBEAT_PREFIX = 'stowage.lock.';

/**
 * Without Web Locks: each held lock is a timestamp in localStorage that the page refreshes
 * every few seconds; one not refreshed for HEARTBEAT_STALE_MS is free.
 */
export function heartbeatPageLocks(
  storage: SmallStorage,
  now: () => number,
  every: (ms: number, tick: () => void) => void = (ms, tick) => void setInterval(tick, ms),
  onPageHide: (release: () => void) => void = (release) => window.addEventListener('pagehide', release),
): PageLocks {
  const held = new Set<string>();
  every(HEARTBEAT_INTERVAL_MS, () => {
    for (const name of held) storage.write(HEARTBEAT_PREFIX + name, String(now()));
  });
  // A page leaving (reload, close) lets its locks go at once rather than after HEARTBEAT_STALE_MS.
  onPageHide(() => {
    for (const name of held) storage.remove(HEARTBEAT_PREFIX + name);
    held.clear();
  });
  return {
    tryHold(name) {
      if (held.has(name)) return Promise.resolve(true);
      const beat = Number(storage.read(HEARTBEAT_PREFIX + name));
      if (Number.isFinite(beat) && beat > 0 && now() - beat < HEARTBEAT_STALE_MS) return Promise.resolve(false);
      storage.write(HEARTBEAT_PREFIX + name, String(now()));
      held.add(name);
      return Promise.resolve(true);
    },
    release(name) {
      if (held.delete(name)) storage.remove(HEARTBEAT_PREFIX + name);
    },
  };
}

const KEY_PREFIX = 'draft:';
/** Versions before per-tab drafts kept one draft under this key; it is offered like any other. */
export const LEGACY_DRAFT_ID = 'draft';

function keyOf(id: string): string {
  return id === LEGACY_DRAFT_ID ? LEGACY_DRAFT_ID : `${KEY_PREFIX}${id}`;
}

function idOf(key: string): string | null {
  const id = key === LEGACY_DRAFT_ID ? key : key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : null;
  return id !== null && DraftId.safeParse(id).success ? id : null;
}

const lockName = (id: string) => `stowage-draft:${id}`;
const CLAIM_RETRIES = 4;
const CLAIM_RETRY_MS = 500;

export class BrowserDrafts {
  #own: string | null = null;
  readonly #claimed = new Set<string>();
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly locks: PageLocks,
    private readonly newId: () => string,
    private readonly now: () => Date,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Starts this page's draft and claims the newest draft whose tab is gone. */
  async begin(): Promise<DraftSummary | null> {
    const own = this.#ownId();
    await this.locks.tryHold(lockName(own));
    const keys = await this.store.keys().catch(() => [] as string[]);
    const candidates: Array<{ id: string; draft: Draft }> = [];
    for (const id of keys.map(idOf)) {
      if (id === null || id === own || this.#claimed.has(id)) continue;
      const draft = await this.#read(id);
      if (draft) candidates.push({ id, draft });
    }
    candidates.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
    // After a reload the browser may release the previous page's locks a moment after this
    // page starts, so a held draft is asked for again a few times before it counts as live.
    for (let attempt = 0; attempt <= CLAIM_RETRIES && candidates.length > 0; attempt++) {
      if (attempt > 0) await this.wait(CLAIM_RETRY_MS);
      for (const { id, draft } of candidates) {
        // Another tab may hold it (its own live work) or claim it at the same moment.
        if (!(await this.locks.tryHold(lockName(id)))) continue;
        this.#claimed.add(id);
        return { id, file: draft.file, savedAt: draft.savedAt };
      }
    }
    return null;
  }

  write(text: string, file: FileRef | null): Promise<void> {
    const own = this.#ownId();
    const draft: Draft = { text, file, savedAt: this.now().toISOString() };
    return this.#enqueue(own, () => this.store.set(keyOf(own), draft));
  }

  /** Deletes this page's own draft. */
  clear(): Promise<void> {
    const own = this.#ownId();
    return this.#enqueue(own, () => this.store.delete(keyOf(own)));
  }

  /** A claimed draft's content (null for any other id). */
  async readClaimed(id: string): Promise<Draft | null> {
    return this.#claimed.has(id) ? this.#read(id) : null;
  }

  async discard(id: string): Promise<void> {
    if (!this.#claimed.has(id)) return;
    await this.#enqueue(id, () => this.store.delete(keyOf(id)));
    this.#claimed.delete(id);
    this.locks.release(lockName(id));
  }

  #read(id: string): Promise<Draft | null> {
    return this.#enqueue(id, async () => {
      const parsed = Draft.safeParse(await this.store.get(keyOf(id)).catch(() => undefined));
      return parsed.success ? parsed.data : null;
    });
  }

  #ownId(): string {
    if (this.#own === null) {
      this.#own = this.newId();
      // Asked for at once, so no other tab can mistake this one's draft for an orphan.
      void this.locks.tryHold(lockName(this.#own));
    }
    return this.#own;
  }

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
