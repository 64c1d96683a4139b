import { validateActiveSheetFromRibbon } from "../excel/ribbon-validate";

const FAILED = "Kiểm tra: không chạy được trên sổ làm việc này. Hãy mở ngăn tác vụ Phụ lục Một cửa, thẻ Kiểm tra, và thử lại.";

/**
 * The "Kiểm tra" ribbon button (ExecuteFunction "kiemTra" in manifest.xml).
 *
 * Excel gives a function command nowhere to show text except a dialog: `event.completed()` accepts
 * options only in Outlook, there is no status-bar API, and `Office.addin.showAsTaskpane()` needs a
 * shared runtime, whose `<Runtimes>` element the manifest schema used here rejects. So what the user
 * sees is in the workbook itself: invalid cells are coloured and the first one is selected. The
 * one-line summary is returned (for callers and tests) and logged.
 */
export async function kiemTra(event: Office.AddinCommands.Event): Promise<string> {
  let message = FAILED;
  try {
    message = await Excel.run((context) => validateActiveSheetFromRibbon(context));
    console.info(message);
  } catch (error) {
    console.error(FAILED, error);
  } finally {
    // Office treats the command as still running until this is called, whatever happened above.
    event.completed();
  }
  return message;
}

Office.onReady(() => {
  Office.actions.associate("kiemTra", kiemTra);
});
