import { describe, expect, it } from 'vitest';
import { BrowserDrafts, HEARTBEAT_STALE_MS, heartbeatPageLocks, LEGACY_DRAFT_ID, webPageLocks } from './browser-drafts';
import { memoryStore, type KeyValueStore, type SmallStorage } from './browser-storage';
import { FakeLockBroker, type FakeTab } from './fake-locks.test-support';

let clock = Date.parse('2025-05-06T07:08:09.000Z');
const now = () => new Date((clock += 1000));
const noWait = () => Promise.resolve();

/** Tabs of one browser profile: one IndexedDB, one lock manager. */
function profile() {
  const store = memoryStore();
  const broker = new FakeLockBroker();
  let ids = 0;
  const open = (): { drafts: BrowserDrafts; tab: FakeTab } => {
    const tab = broker.tab();
    return { drafts: new BrowserDrafts(store, webPageLocks(tab.locks), () => `tab-${++ids}`, now, noWait), tab };
  };
  return { store, broker, open };
}

describe('browser drafts across tabs', () => {
  it('a second tab is not offered the first tab’s live work, and cannot delete it', async () => {
    const { store, open } = profile();
    const first = open();
    await first.drafts.begin();
    await first.drafts.write('live work', null);

    const second = open();
    expect(await second.drafts.begin()).toBeNull();
    await second.drafts.discard('tab-1');
    await second.drafts.clear();
    expect(await store.get('draft:tab-1')).toMatchObject({ text: 'live work' });
  });

  it('offers a closed tab’s draft to the next tab, and only to one of them', async () => {
    const { open } = profile();
    const first = open();
    await first.drafts.begin();
    await first.drafts.write('unsaved', null);
    first.tab.close();

    const second = open();
    const third = open();
    const [offeredToSecond, offeredToThird] = await Promise.all([second.drafts.begin(), third.drafts.begin()]);
    expect([offeredToSecond?.id, offeredToThird?.id].filter(Boolean)).toEqual(['tab-1']);
  });

  it('recovering moves the draft into the tab’s own; discarding deletes it', async () => {
    const { store, open } = profile();
    const first = open();
    await first.drafts.begin();
    await first.drafts.write('unsaved', { path: 'browser-file:1/a.stowage', name: 'a.stowage' });
    first.tab.close();

    const second = open();
    const offered = await second.drafts.begin();
    expect(offered).toMatchObject({ id: 'tab-1', file: { name: 'a.stowage' } });
    const draft = await second.drafts.readClaimed('tab-1');
    expect(draft?.text).toBe('unsaved');
    await second.drafts.write(draft!.text, draft!.file);
    await second.drafts.discard('tab-1');
    expect(await store.get('draft:tab-1')).toBeUndefined();
    expect(await store.get('draft:tab-2')).toMatchObject({ text: 'unsaved' });
  });

  it('offers the newest of several left-behind drafts', async () => {
    const { open } = profile();
    for (const text of ['old', 'new']) {
      const tab = open();
      await tab.drafts.begin();
      await tab.drafts.write(text, null);
      tab.tab.close();
    }
    const next = open();
    const offered = await next.drafts.begin();
    expect((await next.drafts.readClaimed(offered!.id))?.text).toBe('new');
  });

  it('reads no draft it did not claim', async () => {
    const { store, open } = profile();
    await store.set('draft:elsewhere', { text: 'x', file: null, savedAt: '2025-01-01T00:00:00.000Z' });
    const tab = open();
    await tab.drafts.begin();
    expect(await tab.drafts.readClaimed('tab-999')).toBeNull();
  });

  it('offers the single draft of earlier versions', async () => {
    const { store, open } = profile();
    await store.set(LEGACY_DRAFT_ID, { text: 'legacy', file: null, savedAt: '2025-01-01T00:00:00.000Z' });
    const tab = open();
    expect((await tab.drafts.begin())?.id).toBe(LEGACY_DRAFT_ID);
    await tab.drafts.discard(LEGACY_DRAFT_ID);
    expect(await store.get(LEGACY_DRAFT_ID)).toBeUndefined();
  });

  it('runs a read and a delete of one draft in the order they were asked for', async () => {
    const { store, open } = profile();
    await store.set('draft:gone', { text: 'work', file: null, savedAt: '2025-01-01T00:00:00.000Z' });
    const tab = open();
    await tab.drafts.begin();
    const [read] = await Promise.all([tab.drafts.readClaimed('gone'), tab.drafts.discard('gone')]);
    expect(read?.text).toBe('work');
  });

  it('ignores what is not a draft and drafts it cannot read', async () => {
    const store: KeyValueStore = memoryStore();
    await store.set('handle:browser-file:1/a.stowage', {});
    await store.set('draft:broken', { text: 1 });
    const tab = new FakeLockBroker().tab();
    const drafts = new BrowserDrafts(store, webPageLocks(tab.locks), () => 'mine', now, noWait);
    expect(await drafts.begin()).toBeNull();
  });
});

describe('heartbeatPageLocks (browsers without Web Locks)', () => {
  function storage(): SmallStorage {
    const values = new Map<string, string>();
    return {
      read: (key) => values.get(key) ?? null,
      write: (key, value) => void values.set(key, value),
      remove: (key) => void values.delete(key),
    };
  }

  it('treats a lock as held while its page beats, and free once it stops', async () => {
    const shared = storage();
    let time = 1_000_000;
    const ticks: Array<() => void> = [];
    const first = heartbeatPageLocks(
      shared,
      () => time,
      (_ms, tick) => ticks.push(tick),
      () => undefined,
    );
    const second = heartbeatPageLocks(
      shared,
      () => time,
      () => undefined,
      () => undefined,
    );
    expect(await first.tryHold('a')).toBe(true);
    time += HEARTBEAT_STALE_MS - 1;
    expect(await second.tryHold('a')).toBe(false);
    for (const tick of ticks) tick();
    time += HEARTBEAT_STALE_MS - 1;
    expect(await second.tryHold('a')).toBe(false);
    // The first page is gone: no more beats.
    time += 2;
    expect(await second.tryHold('a')).toBe(true);
  });

  it('lets its locks go when the page is hidden for good', async () => {
    const shared = storage();
    let hide = () => undefined as void;
    const first = heartbeatPageLocks(
      shared,
      () => 5,
      () => undefined,
      (release) => (hide = release),
    );
    const second = heartbeatPageLocks(
      shared,
      () => 5,
      () => undefined,
      () => undefined,
    );
    expect(await first.tryHold('a')).toBe(true);
    hide();
    expect(await second.tryHold('a')).toBe(true);
  });

  it('releases a lock on request', async () => {
    const shared = storage();
    const first = heartbeatPageLocks(
      shared,
      () => 5,
      () => undefined,
      () => undefined,
    );
    const second = heartbeatPageLocks(
      shared,
      () => 5,
      () => undefined,
      () => undefined,
    );
    expect(await first.tryHold('a')).toBe(true);
    first.release('a');
    expect(await second.tryHold('a')).toBe(true);
  });
});
