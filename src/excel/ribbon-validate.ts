import { vi } from "../domain/messages/messages";
import type { Messages } from "../domain/messages/messages";
import { countIssues, validateInExcel } from "./validate-in-excel";
import type { ExcelValidation } from "./validate-in-excel";

/**
 * The one line the ribbon button reports: how many errors and warnings on how many sheets, and
 * which cell was selected to show the user where to look.
 * @example "Kiểm tra: 3 lỗi, 2 cảnh báo trên 2 trang tính; ô đầu tiên có lỗi đã được chọn."
 */
export function ribbonSummary(result: ExcelValidation, messages: Messages = vi): string {
  const m = messages.ui.validate.ribbon;
  const sheets = result.report.sheets;
  if (sheets.length === 0) return m.noForm;
  const { errors, warnings } = countIssues(sheets);
  const protectedNote = result.unmarkable.length > 0 ? m.unmarkable(result.unmarkable.join(", ")) : "";
  if (errors === 0 && warnings === 0) return m.clean(sheets.length) + protectedNote;
  const selected = result.selected ? (errors > 0 ? m.firstError : m.firstWarning) : m.end;
  return m.found(errors, warnings, sheets.length) + selected + protectedNote;
}

/**
 * What the "Kiểm tra" ribbon button runs: checks every form sheet of the workbook, marks the
 * cells of the issues found (red for errors, yellow for warnings), selects the first error cell,
 * and returns one Vietnamese line. A function command cannot show text, so the marks and the
 * selection are what the user sees; the task pane lists the issues one by one.
 */
export async function validateActiveSheetFromRibbon(context: Excel.RequestContext): Promise<string> {
  const result = await validateInExcel(context, { scope: { kind: "all" }, selectFirst: true });
  return ribbonSummary(result);
}
