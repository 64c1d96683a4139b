interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

/**
 * One of Node's own modules, looked up at run time so that no bundle for the browser asks for
 * it; undefined in a browser.
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}
