const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Makes short random ids such as `n-k3x9q2mf`. Inject `random` for deterministic tests. */
export function createIdFactory(random: () => number = Math.random) {
  return (prefix: 'n' | 'e', taken?: ReadonlySet<string>): string => {
    for (;;) {
      let id = `${prefix}-`;
      for (let index = 0; index < 8; index++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
      if (!taken?.has(id)) return id;
    }
  };
}

export type IdFactory = ReturnType<typeof createIdFactory>;
