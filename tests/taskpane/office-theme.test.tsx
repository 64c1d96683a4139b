/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { render } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { shadeOf } from "../../src/taskpane/office-theme";

describe("shadeOf: the pane follows the user's theme", () => {
  test("Office's own word wins over its colours", () => {
    expect(shadeOf({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, false)).toBe("dark");
    expect(shadeOf({ isDarkTheme: false, bodyBackgroundColor: "#000000" }, true)).toBe("light");
  });

  test("without it, the body background decides: Black and Dark Gray are dark, White and Colorful light", () => {
    expect(shadeOf({ bodyBackgroundColor: "#000000" }, false)).toBe("dark");
    expect(shadeOf({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(shadeOf({ bodyBackgroundColor: "#444" }, false)).toBe("dark");
    expect(shadeOf({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("light");
    expect(shadeOf({ bodyBackgroundColor: "#f3f2f1" }, true)).toBe("light");
    expect(shadeOf({ bodyBackgroundColor: "#C6C6C6" }, true)).toBe("light");
  });

  test("no theme, or a colour that is not one, leaves it to the system's scheme", () => {
    expect(shadeOf(undefined, true)).toBe("dark");
    expect(shadeOf(undefined, false)).toBe("light");
    expect(shadeOf({ bodyBackgroundColor: "transparent" }, true)).toBe("dark");
    expect(shadeOf({}, false)).toBe("light");
  });
});

/** A system colour scheme jsdom does not have: dark or light, with listeners recorded. */
function systemScheme(dark: boolean) {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({ matches: dark && query.includes("dark"), media: query, addEventListener: () => undefined, removeEventListener: () => undefined }),
  });
}

/** The CSS the provider injected for its theme holds the theme's page background. */
function drawnWith(background: string): boolean {
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
  const text = [...rules, ...[...document.querySelectorAll("style")].map((s) => s.textContent ?? "")].join("\n");
  return text.replace(/\s+/g, "").toLowerCase().includes(`--colorneutralbackground1:${background}`.toLowerCase());
}

describe("App: the theme drawn", () => {
  beforeAll(installDomShims);

  test("inside Excel with a dark Office theme the pane is dark, even on a light system", () => {
    systemScheme(false);
    const { container } = render(<App host="excel" officeTheme={{ bodyBackgroundColor: "#262626" }} />);
    expect(container.querySelector("[data-shade]")?.getAttribute("data-shade")).toBe("dark");
    expect(drawnWith(webDarkTheme.colorNeutralBackground1)).toBe(true);
  });

  test("in a plain browser the system's dark scheme is followed; a light one gives the light theme", () => {
    systemScheme(true);
    const dark = render(<App host="browser" />);
    expect(dark.container.querySelector("[data-shade]")?.getAttribute("data-shade")).toBe("dark");
    dark.unmount();
    systemScheme(false);
    const light = render(<App host="browser" />);
    expect(light.container.querySelector("[data-shade]")?.getAttribute("data-shade")).toBe("light");
    expect(drawnWith(webLightTheme.colorNeutralBackground1)).toBe(true);
  });
});
