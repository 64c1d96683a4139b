import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "../src/domain";
import { readWorkbook } from "../src/files/read-workbook";
import { writeWorkbook } from "../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../src/sample/sample-workbooks";
import { filledPlan } from "../tests/support/messy";
import { COMMUNE } from "../tests/support/params";
import { chooseFiles, DIST, downloadOf, openPage } from "./support/page";
import type { Session } from "./support/page";

/**
 * The standalone page once loaded keeps working with the server gone: the page itself, the
 * download of forms and the check of a picked file, all from the service worker's cache. The
 * cache belongs to one build, and a new build on the server replaces it.
 */

let session: Session;
const build = JSON.parse(readFileSync(join(DIST, "build.json"), "utf8")) as { id: string };

/** Opens the page and waits until its service worker has cached the build and controls the page. */
async function openCached(root?: string): Promise<Session> {
  const opened = await openPage("/", root);
  // Ready means installed, that is every file of the build is in the cache; the worker then takes over the page.
  await opened.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return opened;
}

beforeAll(async () => {
  session = await openCached();
});

afterAll(() => session?.close());

describe("the standalone page offline", () => {
  test("its cache is named after this build (dist/build.json)", async () => {
    const caches = await session.page.evaluate(() => window.caches.keys());
    expect(caches).toEqual([`phuluc-${build.id}`]);
  });

  test("with the server stopped, the page reloads, downloads forms, checks a picked file and previews a summary", async () => {
    const { page, server } = session;
    server.server.closeAllConnections();
    await new Promise<void>((done) => server.server.close(() => done()));
    await page.reload();
    await page.getByText(vi.ui.outsideOffice).waitFor();

    await page.getByRole("checkbox", { name: vi.ui.insert.formNames.staffing }).check();
    await page.getByLabel(vi.ui.insert.unitName).fill("Xã Vân Hà");
    const forms = await downloadOf(page, () => page.getByRole("button", { name: vi.ui.files.insert.submit }).click());
    expect(forms.name).toBe("phu-luc-xa-van-ha.xlsx");
    expect([...readWorkbook(forms.bytes, forms.name).stamps.values()].map((s) => s.form)).toEqual(["staffing"]);

    const dir = mkdtempSync(join(tmpdir(), "phuluc-e2e-offline-"));
    const file = join(dir, "van-ha.xlsx");
    writeFileSync(file, await writeWorkbook([filledPlan("facilities", COMMUNE, { "Xã Thượng Lan": { computers: "2" } })]));
    await page.getByRole("tab", { name: vi.ui.tabs.validate }).click();
    await chooseFiles(page, () => page.getByRole("button", { name: vi.ui.files.validate.choose }).click(), [file]);
    await page.getByRole("heading", { name: "van-ha.xlsx" }).waitFor();
    // One sheet: issues are listed by cell alone.
    await page.getByText(`${vi.ui.validate.severity.error} · D8`).first().waitFor();

    // Tổng hợp reads in a Web Worker: its script comes from the cache too.
    const commune = vietYenWorkbooks()[0];
    const communeFile = join(dir, "xa.xlsx");
    writeFileSync(communeFile, await writeWorkbook(commune.plans));
    await page.getByRole("tab", { name: vi.ui.tabs.consolidate }).click();
    const panel = page.getByRole("tabpanel", { name: vi.ui.tabs.consolidate });
    await chooseFiles(page, () => panel.getByRole("button", { name: vi.ui.consolidate.chooseFiles }).click(), [communeFile]);
    await panel.getByText(vi.ui.consolidate.units(1, 0)).waitFor();
    expect(session.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });

  test("a new build on the server is picked up on the next load: the page from the network, the old cache dropped", async () => {
    const site = mkdtempSync(join(tmpdir(), "phuluc-e2e-site-"));
    cpSync(DIST, site, { recursive: true });
    const served = await openCached(site);
    try {
      const { page } = served;
      // What a deployment of another build changes: the page, and the build id the worker carries.
      const html = join(site, "taskpane.html");
      writeFileSync(html, readFileSync(html, "utf8").replace("<body>", '<body data-build="next">'));
      const worker = join(site, "sw.js");
      writeFileSync(worker, readFileSync(worker, "utf8").replace(`"id":"${build.id}"`, '"id":"next"'));
      await page.reload();
      expect(await page.evaluate(() => document.body.dataset.build)).toBe("next");
      await page.waitForFunction(async () => (await window.caches.keys()).join(",") === "phuluc-next");
    } finally {
      await served.close();
    }
  });
});
