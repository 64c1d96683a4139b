import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { startServer } from "../../scripts/serve";
import type { StartedServer } from "../../scripts/serve";

export const ROOT = resolve(__dirname, "../..");
export const DIST = join(ROOT, "dist");
/** Screenshots of each task, kept as test artifacts (git-ignored); the README shows copies from docs/. */
export const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");

/** The task pane's width in Excel, and the narrowest the page must work at. */
export const WIDTH = 320;

/** Debian's Chromium, never a downloaded browser. */
const CHROMIUM = "/usr/bin/chromium";

export interface Session {
  server: StartedServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Problems the page reported: uncaught errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Serves `root` (dist/ by default) on a free port and opens the page in Chromium, 320 px wide. */
export async function openPage(path = "/", root = DIST): Promise<Session> {
  const server = await startServer({ root, port: 0 });
  // Chromium refuses its sandbox to root (a CI container); anyone else keeps it.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args });
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  // Intercepting file choosers is switched on with the first listener, asynchronously: one
  // listener for the whole session keeps a key press from opening a chooser before it is on.
  page.on("filechooser", () => undefined);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(new URL(path, server.url).href);
  await page.getByRole("tablist").waitFor();
  return {
    server,
    browser,
    context,
    page,
    errors,
    close: async () => {
      await browser.close();
      await new Promise<void>((done) => server.server.close(() => done()));
    },
  };
}

/** The bytes and suggested name of the file a click downloads. */
export async function downloadOf(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Picks files through the file chooser a click (or a key press) opens. */
export async function chooseFiles(page: Page, action: () => Promise<void>, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), action()]);
  await chooser.setFiles(files);
}

/** Saves a full-page screenshot of the page as it is now. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The accessible name of the focused element, as a screen reader would announce it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelledBy = el.getAttribute("aria-labelledby");
    const byIds = labelledBy
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    const byLabel = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
    return (el.getAttribute("aria-label") ?? byIds ?? byLabel ?? el.textContent ?? "").trim();
  });
}

/** Presses Tab until the focused control's name matches, as a keyboard user would; fails if it is never reached. */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached a control named ${name}`);
}

/** How far the page is wider than the window: 0 when nothing needs scrolling sideways. */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Interactive controls without an accessible name, from the accessibility tree of `root`
 * (Playwright's ARIA snapshot lists a role without a quoted name when the name is empty).
 */
export async function unnamedControls(root: Locator): Promise<string[]> {
  const snapshot = await root.ariaSnapshot();
  return snapshot.split("\n").filter((line) => /^\s*- (button|textbox|checkbox|radio|spinbutton|combobox|tab|switch|link)(\s*\[[^\]]*\])*\s*:?$/.test(line));
}
