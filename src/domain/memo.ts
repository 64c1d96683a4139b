/**
 * A function of one string, remembered. A consolidation meets the same labels, headers and
 * names in every one of thousands of files, and Vietnamese case folding and normalisation are
 * slow enough to matter there. The cache is bounded so that a long session cannot grow it
 * without end: when full it starts again.
 */
export function memoized<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text: string): T => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = fn(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, value);
    }
    return value as T;
  };
}
