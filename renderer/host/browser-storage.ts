/**
 * Where the browser host keeps things between visits. IndexedDB for anything large or
 * structured (drafts of up to 20 MB, FileSystemFileHandles, which only IndexedDB can store);
 * localStorage only for small settings. Both can be unavailable (private modes, disabled
 * storage); the app then keeps working with this visit's memory.
 */

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key in the store. */
  keys(): Promise<string[]>;
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => Promise.resolve(values.get(key) as T | undefined),
    set: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...values.keys()]),
  };
}

const DATABASE_NAME = 'stowage';
const STORE_NAME = 'host';

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** An IndexedDB-backed store that falls back to memory if IndexedDB cannot be opened. */
export function indexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): KeyValueStore {
  const fallback = memoryStore();
  let database: Promise<IDBDatabase | null> | null = null;

  const open = (): Promise<IDBDatabase | null> => {
    database ??= new Promise<IDBDatabase | null>((resolve) => {
      if (!factory) return resolve(null);
      try {
        const request = factory.open(DATABASE_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return database;
  };

  const run = async <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> => {
    const db = await open();
    if (!db) return null;
    const transaction = db.transaction(STORE_NAME, mode);
    // A write counts once its transaction has committed, not when the request succeeded.
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([promisify(operation(transaction.objectStore(STORE_NAME))), committed]);
    return result;
  };

  return {
    async get<T>(key: string) {
      if (!(await open())) return fallback.get<T>(key);
      return ((await run('readonly', (store) => store.get(key))) ?? undefined) as T | undefined;
    },
    async set(key, value) {
      if (!(await open())) return fallback.set(key, value);
      await run('readwrite', (store) => store.put(value, key));
    },
    async delete(key) {
      if (!(await open())) return fallback.delete(key);
      await run('readwrite', (store) => store.delete(key));
    },
    async keys() {
      if (!(await open())) return fallback.keys();
      const keys = (await run('readonly', (store) => store.getAllKeys())) ?? [];
      return keys.filter((key): key is string => typeof key === 'string');
    },
  };
}

/** localStorage that tolerates being unavailable or full. */
export interface SmallStorage {
  read(key: string): string | null;
  write(key: string, value: string): void;
  remove(key: string): void;
}

export function safeLocalStorage(storage: () => Storage = () => window.localStorage): SmallStorage {
  const memory = new Map<string, string>();
  return {
    read(key) {
      try {
        return storage().getItem(key);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    write(key, value) {
      try {
        storage().setItem(key, value);
      } catch {
        memory.set(key, value);
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage().removeItem(key);
      } catch {
        // Nothing stored there, then.
      }
    },
  };
}
