import type { RowCondition, RowRule } from "../forms/form-types";
import type { SheetGrid } from "../grid/sheet-grid";
import { cellAt } from "../grid/sheet-grid";
import { cellAddress } from "../layout/a1";
import { vi } from "../messages/vi";
import { isCommuneLabel } from "../units/name-match";
import type { BodyRow } from "./body-rows";
import type { Issue } from "./issue";
import { formatNumber } from "./issue";
import type { SheetLayout } from "./recognise";
import type { FigureCell } from "./row-figures";
import { numberOf, rowFigures, usable } from "./row-figures";
import { columnName } from "./check-values";

type Figures = Map<string, FigureCell>;

function holds(cond: RowCondition, figures: Figures): boolean {
  if ("any" in cond) return cond.any.some((c) => holds(c, figures));
  if ("marked" in cond) return cond.marked.some((k) => usable(figures.get(k)) === "X");
  return cond.positive.some((k) => (numberOf(figures.get(k)) ?? 0) > 0);
}

/** The first key that makes a condition hold, to point the issue at its cell. */
function witness(cond: RowCondition, figures: Figures): string | undefined {
  if ("any" in cond) return cond.any.map((c) => witness(c, figures)).find((k) => k !== undefined);
  if ("marked" in cond) return cond.marked.find((k) => usable(figures.get(k)) === "X");
  return cond.positive.find((k) => (numberOf(figures.get(k)) ?? 0) > 0);
}

function names(keys: string[], figures: Figures): string {
  return keys.map((k) => figures.get(k)).filter((f): f is FigureCell => !!f).map(columnName).join(" + ");
}

function ruleIssue(rule: RowRule, figures: Figures, row: number): Issue | undefined {
  const basis = (message: string): string => `${message} ${vi.validate.quoteBasis(rule.basis)}`;
  if (rule.kind === "sum" || rule.kind === "atMost") {
    const whole = figures.get(rule.whole);
    if (!whole) return undefined;
    const parts = rule.parts.map((k) => numberOf(figures.get(k)));
    if (parts.every((p) => p === null)) return undefined;
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    const total = numberOf(whole);
    const at = cellAddress(row, whole.col);
    if (rule.kind === "sum" && total !== sum) {
      const message = basis(vi.validate.rule.sum(columnName(whole), total === null ? "trống" : formatNumber(total), names(rule.parts, figures), formatNumber(sum)));
      // An empty whole is certainly its parts' sum; a figure that disagrees may be the wrong one.
      return { code: `rule.${rule.code}`, severity: "error", cell: at, value: total, message, ...(total === null ? { suggestion: sum } : {}) };
    }
    if (rule.kind === "atMost" && total !== null && sum > total) {
      const message = basis(vi.validate.rule.atMost(columnName(whole), formatNumber(total), names(rule.parts, figures), formatNumber(sum)));
      return { code: `rule.${rule.code}`, severity: "error", cell: at, value: total, message };
    }
    return undefined;
  }
  const broken =
    rule.kind === "oneOf"
      ? !holds({ marked: rule.marked }, figures)
      : rule.kind === "implies"
        ? holds(rule.when, figures) && !holds(rule.then, figures)
        : holds(rule.when, figures) && holds(rule.not, figures);
  if (!broken) return undefined;
  const f = figures.get((rule.kind === "oneOf" ? rule.marked[0] : witness(rule.when, figures)) ?? "");
  const text = (vi.validate.rule as Record<string, unknown>)[rule.code];
  const message = typeof text === "function" ? (text as () => string)() : rule.code;
  return { code: `rule.${rule.code}`, severity: "warning", cell: f ? cellAddress(row, f.col) : undefined, value: f ? usable(f) : null, message: basis(message) };
}

/** The unit rows a total row adds up. */
function rowsOfTotal(total: BodyRow, rows: BodyRow[]): BodyRow[] {
  const units = rows.filter((r) => r.role === "unit");
  if (total.scope === "commune") return units.filter((r) => isCommuneLabel(r.label));
  if (total.scope === "upper") return units.filter((r) => !isCommuneLabel(r.label));
  const at = rows.indexOf(total);
  let start = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (rows[i].role === "total" || (rows[i].role === "section" && /^[IVXLC]+$/.test(rows[i].number))) {
      start = i + 1;
      break;
    }
  }
  return rows.slice(start, at).filter((r) => r.role === "unit");
}

function checkTotals(grid: SheetGrid, layout: SheetLayout, rows: BodyRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const total of rows.filter((r) => r.role === "total")) {
    const members = rowsOfTotal(total, rows);
    const figures = rowFigures(grid, layout, total.row);
    for (const f of figures.values()) {
      if (f.column.kind !== "count" && f.column.kind !== "money") continue;
      const shown = numberOf(f);
      if (shown === null) continue;
      const sum = members.reduce((s, m) => s + (numberOf(rowFigures(grid, layout, m.row).get(f.column.key)) ?? 0), 0);
      if (sum === shown) continue;
      const label = total.label || cellAt(grid, total.row, 3)?.v?.toString() || "Tổng";
      const message = `${vi.validate.rule.total(label, columnName(f), formatNumber(shown), formatNumber(sum))} ${vi.validate.quoteBasis(vi.validate.rule.totalBasis)}`;
      issues.push({ code: "rule.total", severity: "error", cell: cellAddress(total.row, f.col), value: shown, message, suggestion: sum });
    }
  }
  return issues;
}

/** The form's row rules on every unit row, and every total row against the rows it adds up. */
export function checkRules(grid: SheetGrid, layout: SheetLayout, rows: BodyRow[]): Issue[] {
  const rules = layout.form.rules(layout.params);
  const issues: Issue[] = [];
  for (const r of rows) {
    if (r.role !== "unit") continue;
    const figures = rowFigures(grid, layout, r.row);
    // A row with no figures yet is one notice already (row.empty); its rules wait for data.
    if ([...figures.values()].every((f) => f.column.kind === "text" || usable(f) === null)) continue;
    for (const rule of rules) {
      const issue = ruleIssue(rule, figures, r.row);
      if (issue) issues.push(issue);
    }
  }
  return [...issues, ...checkTotals(grid, layout, rows)];
}
