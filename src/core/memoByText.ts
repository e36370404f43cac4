/**
 * For a pure function of a key and a text (parsing a file, counting an answer): a process that
 * builds again (watch) computes only what changed. The last `limit` results are kept, the least
 * recently used dropped first. The results are shared: nothing downstream may change them.
 */
export function memoByText<K extends string, T>(parse: (key: K, text: string) => T, limit = 256): (key: K, text: string) => T {
  const kept = new Map<string, T>();
  return (name, text) => {
    const key = `${name}\0${text}`;
    let result = kept.get(key);
    if (result === undefined) {
      result = parse(name, text);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    } else kept.delete(key);
    kept.set(key, result);
    return result;
  };
}
