/**
 * What the "Kiểm tra" ribbon button runs on the active worksheet. It returns one Vietnamese line
 * for the user. Until the validation feature exists it only reports that it is not ready.
 */
export async function validateActiveSheetFromRibbon(_context: Excel.RequestContext): Promise<string> {
  return "Kiểm tra: chức năng đang được xây dựng.";
}
