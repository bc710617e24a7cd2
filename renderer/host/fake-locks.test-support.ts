/**
 * The Web Locks API as the tabs of one browser profile share it: a lock is held by one page
 * until it releases it or the page closes. Test-only.
 */
export class FakeLockBroker {
  readonly #holders = new Map<string, FakeTab>();

  tab(): FakeTab {
    return new FakeTab(this.#holders);
  }

  isHeld(name: string): boolean {
    return this.#holders.has(name);
  }
}

export class FakeTab {
  readonly #releases = new Map<string, () => void>();

  constructor(private readonly holders: Map<string, FakeTab>) {}

  readonly locks = {
    request: (name: string, options: { ifAvailable?: boolean }, callback: (lock: { name: string } | null) => unknown) => {
      if (!options.ifAvailable) throw new Error('The fake supports ifAvailable requests only');
      if (this.holders.has(name)) return Promise.resolve(callback(null));
      this.holders.set(name, this);
      const held = Promise.resolve(callback({ name }));
      this.#releases.set(name, () => this.holders.delete(name));
      void held.then(() => this.#release(name));
      return held;
    },
    query: () => Promise.resolve({ held: [...this.holders.keys()].map((name) => ({ name })), pending: [] }),
  } as unknown as LockManager;

  /** The tab goes away (closed, crashed): the browser releases everything it held. */
  close(): void {
    for (const name of [...this.#releases.keys()]) this.#release(name);
  }

  #release(name: string): void {
    this.#releases.get(name)?.();
    this.#releases.delete(name);
  }
}
