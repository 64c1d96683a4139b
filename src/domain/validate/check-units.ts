import type { UnitRef } from "../forms/form-types";
import { cellAddress } from "../layout/a1";
import { vi } from "../messages/vi";
import { isCommuneLabel, unitIndex } from "../units/name-match";
import type { BodyRow } from "./body-rows";
import { isPlaceholderLabel } from "./body-rows";
import type { Issue } from "./issue";
import type { SheetLayout } from "./recognise";

/**
 * Every expected unit appears exactly once among the commune rows; names that match only when
 * folded without diacritics are a warning naming the official spelling.
 */
export function checkUnits(layout: SheetLayout, rows: BodyRow[], expected: UnitRef[]): Issue[] {
  const index = unitIndex(expected);
  const labelCol = layout.columnAt[1] ?? 2;
  const seen = new Map<string, number[]>();
  const issues: Issue[] = [];
  const quote = ` ${vi.validate.quoteNote(vi.validate.units.basis)}`;
  for (const r of rows) {
    if (r.role !== "unit" || isPlaceholderLabel(r.label)) continue;
    const cell = cellAddress(r.row, labelCol);
    const m = index.match(r.label);
    if (m.kind === "none") {
      if (isCommuneLabel(r.label)) issues.push({ code: "units.unexpected", severity: "warning", cell, value: r.label, message: vi.validate.units.unexpected(r.label) + quote });
      continue;
    }
    if (m.kind === "ambiguous") {
      const names = m.units.map((u) => `“${u.name}”`).join(" hoặc ");
      issues.push({ code: "units.ambiguous", severity: "warning", cell, value: r.label, message: vi.validate.units.ambiguous(r.label, names) });
      continue;
    }
    if (m.kind === "no-diacritics") {
      issues.push({ code: "units.spelling", severity: "warning", cell, value: r.label, message: vi.validate.units.spelling(r.label, m.unit.name), suggestion: m.unit.name });
    }
    seen.set(m.unit.name, [...(seen.get(m.unit.name) ?? []), r.row]);
  }
  for (const [name, at] of seen) {
    if (at.length > 1) {
      issues.push({ code: "units.duplicate", severity: "error", cell: cellAddress(at[1], labelCol), value: name, message: vi.validate.units.duplicate(name, at.join(", ")) + quote });
    }
  }
  for (const u of expected) {
    if (!seen.has(u.name)) issues.push({ code: "units.missing", severity: "error", value: u.name, message: vi.validate.units.missing(u.name) + quote });
  }
  return issues;
}
