import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { HostState } from "./App";
import type { OfficeThemeColors } from "./office-theme";
import { registerOfflineCache } from "./offline";

/**
 * Office.onReady normally answers within a second or two; past this the pane stops waiting and
 * says so, but still switches to Excel mode if the answer comes later.
 */
const CONNECT_TIMEOUT_MS = 12000;

function hostStateOf(host: Office.HostType | null | undefined): HostState {
  // A plain browser: office.js finds no host and resolves onReady with host null.
  if (host === null || host === undefined) return "browser";
  return host === Office.HostType.Excel ? "excel" : "other-host";
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const task = new URLSearchParams(window.location.search).get("task");
  let host: HostState = "connecting";
  let officeTheme: OfficeThemeColors | undefined;
  const render = () => root.render(<App host={host} task={task} officeTheme={officeTheme} />);
  render();

  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    // office.js did not load (opened from disk, or the file is missing): still show the form.
    host = "browser";
    render();
    registerOfflineCache();
  } else {
    const timer = window.setTimeout(() => {
      if (host !== "connecting") return;
      host = "unreachable";
      render();
    }, CONNECT_TIMEOUT_MS);
    void Office.onReady().then((info) => {
      window.clearTimeout(timer);
      host = hostStateOf(info.host);
      // Read once: Excel announces no theme change to a task pane; a change shows at the next opening.
      officeTheme = host === "excel" ? Office.context?.officeTheme : undefined;
      render();
      // Only the standalone page caches itself for offline use; inside Office nothing changes.
      if (host === "browser") registerOfflineCache();
    });
  }
}
