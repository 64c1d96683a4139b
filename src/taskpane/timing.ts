/**
 * Records how long a step took in the browser's User Timing, where the benchmark and the
 * developer tools read it. Older webviews know only the marks-by-name form: there it does nothing.
 */
export function measureSince(name: string, start: number): void {
  try {
    performance.measure(name, { start });
  } catch {
    // Level 1 User Timing: no options object.
  }
}
