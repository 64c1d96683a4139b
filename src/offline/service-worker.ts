/**
 * The standalone page's offline cache. Registered only by the page opened in a plain browser
 * (never inside Office), it keeps the built files of one build and answers from them when the
 * network is gone.
 *
 * - Install: every file of this build is fetched past the HTTP cache into a cache named after the
 *   build id, so a new build never mixes with files of an older one.
 * - Activate: caches of other builds are deleted; the new worker takes over open pages at once.
 * - Pages (HTML): network first, the cache only when offline, so a new build is picked up on the
 *   next load. Everything else: cache first (script names carry their content hash, so a cached
 *   file is never a stale version of the same name), else the network, stored for next time.
 *
 * The build step puts `self.PHULUC_BUILD = { id, files }` before this code.
 */

interface Build {
  id: string;
  /** Paths relative to the worker's scope. */
  files: string[];
}

interface LifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface RequestEvent extends LifecycleEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The little of ServiceWorkerGlobalScope this worker uses (the project's TypeScript library is the DOM's). */
interface WorkerScope {
  PHULUC_BUILD: Build;
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: RequestEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const PREFIX = "phuluc-";
const build = scope.PHULUC_BUILD;
const CACHE = `${PREFIX}${build.id}`;
const PAGE = "taskpane.html";

const inScope = (path: string): string => new URL(path, scope.registration.scope).href;

scope.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(build.files.map((f) => new Request(inScope(f), { cache: "reload" }))))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => scope.clients.claim()),
  );
});

async function stored(request: Request, response: Response): Promise<Response> {
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    return await stored(request, await fetch(request));
  } catch (error) {
    const cached = (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(inScope(PAGE)));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  return cached ?? stored(request, await fetch(request));
}

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== scope.location.origin) return;
  event.respondWith(request.mode === "navigate" ? networkFirst(request) : cacheFirst(request));
});

export {};
