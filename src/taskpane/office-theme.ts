/**
 * Light or dark, as the user chose: inside Office the Office theme (File → Account → Office
 * Theme), in a plain browser the system's colour scheme. Fluent UI then draws every control in
 * the matching theme, so the pane does not glare white beside a dark Excel.
 */
import { useEffect, useState } from "react";

export type Shade = "light" | "dark";

/** The part of Office.context.officeTheme the pane reads. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  /** Recent Office versions only; older ones give the colours alone. */
  isDarkTheme?: boolean;
}

/** Relative luminance (WCAG) of "#RRGGBB" or "#RGB"; undefined when it is not such a colour. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The shade of an Office theme: its own word where it gives one, else its body background
 * (Black and Dark Gray have dark backgrounds, Colorful and White light ones: below 0.18 relative
 * luminance, mid-grey in perceived lightness, is dark); without a theme,
 * the system's preference.
 */
export function shadeOf(theme: OfficeThemeColors | undefined, prefersDark: boolean): Shade {
  if (typeof theme?.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  if (l !== undefined) return l < 0.18 ? "dark" : "light";
  return prefersDark ? "dark" : "light";
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

function prefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;
}

/** The pane's shade, following the system's scheme as it changes where no Office theme is given. */
export function useShade(theme: OfficeThemeColors | undefined): Shade {
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return undefined;
    const query = window.matchMedia(DARK_QUERY);
    const changed = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener?.("change", changed);
    return () => query.removeEventListener?.("change", changed);
  }, []);
  return shadeOf(theme, dark);
}
