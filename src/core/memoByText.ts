/**
 * For a pure function of a key and a text (parsing a file, counting an answer): a process that
 * builds again (watch) computes only what changed. At least the last `limit` results used are
 * kept, in two generations: when the newer one is full it becomes the older one and the old
 * older one goes; a result found in the older one moves to the newer. (Dropping the least
 * recently used one at a time made V8 walk over the deleted entries at the front of its Map on
 * every insert: a check of 100,000 strings spent a second there.) The results are shared:
 * nothing downstream may change them.
 */
export function memoByText<K extends string, T>(parse: (key: K, text: string) => T, limit = 256): (key: K, text: string) => T {
  let newer = new Map<string, T>();
  let older = new Map<string, T>();
  return (name, text) => {
    const key = `${name}\0${text}`;
    const kept = newer.get(key);
    if (kept !== undefined) return kept;
    const result = older.get(key) ?? parse(name, text);
    if (newer.size >= limit) {
      older = newer;
      newer = new Map();
    }
    newer.set(key, result);
    return result;
  };
}
