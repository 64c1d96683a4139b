/**
 * Lets the standalone page work offline once it has been loaded: registers the service worker
 * (sw.js, built beside the page) that keeps this build's files. Only the page opened in a plain
 * browser calls this; inside Office the add-in always loads from its server.
 *
 * Skipped for the development server (its files change on every save) and where the browser
 * allows no service worker: an http address other than localhost, or an old browser. The page
 * then works as before, online.
 */
export function registerOfflineCache(): void {
  if (process.env.NODE_ENV !== "production") return;
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  // Relative to the page, so a copy served from any folder of an intranet server caches itself.
  navigator.serviceWorker.register("sw.js").catch((error: unknown) => {
    // Only offline use is lost; the page works as it is.
    console.warn("Phụ lục Một cửa: offline cache unavailable", error);
  });
}
