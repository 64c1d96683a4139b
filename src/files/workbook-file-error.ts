export type WorkbookProblem =
  | "empty"
  | "too-large"
  | "encrypted"
  | "zip-damaged"
  | "zip-bomb"
  | "word-document"
  | "not-a-workbook"
  | "unsupported-type";

/** A file that cannot be read as a workbook, with the reason the user is told. */
export class WorkbookFileError extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(problem);
    this.name = "WorkbookFileError";
  }
}
