import { TextDecoder, TextEncoder } from "util";

/** What Fluent UI (ResizeObserver, matchMedia) and the file readers (TextDecoder) use and jsdom lacks. */
export function installDomShims(): void {
  Object.assign(globalThis, { TextDecoder, TextEncoder });
  if (!("ResizeObserver" in window)) {
    Object.assign(window, {
      ResizeObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
  if (!window.matchMedia) {
    Object.assign(window, {
      matchMedia: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener() {},
        removeListener() {},
        addEventListener() {},
        removeEventListener() {},
        dispatchEvent: () => false,
      }),
    });
  }
}
