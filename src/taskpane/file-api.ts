/**
 * The standalone page's side of the three tasks: instead of drawing into the open workbook, it
 * writes files the user downloads and reads files the user picks. Nothing here touches Office.js;
 * the heavy parts (spreadsheet reader and writers) are fetched on first use.
 */
import type { UnitRef } from "../domain";
import type { CellFix } from "../domain/validate";
import type { WriteSummaryFn } from "./ConsolidateTask";
import { correctedFileName, formsFileName, saveFile, summaryFileName } from "./download";
import type { SaveFn } from "./download";
import type { CheckedWorkbook, FileCheck, PickedWorkbook } from "./file-checks";
import type { InsertFn } from "./InsertTask";

/** What the corrected copy was saved as, how many cells it changed and what a check of it still finds. */
export interface CorrectedCopy {
  file: string;
  cells: number;
  remaining?: { errors: number; warnings: number };
}

export interface FileApi {
  /** Writes the forms to a new .xlsx and downloads it. */
  downloadForms: InsertFn;
  /** Writes the summary workbook and downloads it. */
  downloadSummary: WriteSummaryFn;
  /** Checks the picked workbooks one after another; one unreadable file never stops the others. */
  check(files: PickedWorkbook[], expected?: UnitRef[]): Promise<FileCheck[]>;
  /** Downloads a copy of a checked .xlsx with the chosen fixes written in; the picked file stays as it was. */
  downloadCorrected(check: CheckedWorkbook, fixes: CellFix[], expected?: UnitRef[]): Promise<CorrectedCopy>;
}

/** Only an .xlsx gets a corrected copy: the library that keeps the rest of the file as it was writes no other format. */
export const canCorrect = (name: string): boolean => /\.xlsx$/i.test(name);

const writers = () => import(/* webpackChunkName: "file-writers" */ "./file-writers");
const checks = () => import(/* webpackChunkName: "file-checks" */ "./file-checks");

/** Lets the page repaint (progress, spinner) between two files. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The file actions, saving through `save` (a real download by default). */
export function fileApi(save: SaveFn = saveFile): FileApi {
  return {
    downloadForms: async (plans) => {
      const { workbookPlans, writeWorkbook } = await writers();
      const named = workbookPlans(plans);
      const file = formsFileName(named[0]?.stamp.unit.name);
      save(await writeWorkbook(named), file);
      return { sheets: named.map((p) => p.name), file };
    },
    downloadSummary: async (result, lines) => {
      const { visibleSheetNames, writeSummary } = await writers();
      const bytes = await writeSummary(result, lines);
      const file = summaryFileName(result.params.unit.name);
      save(bytes, file);
      return { sheets: visibleSheetNames(bytes) ?? result.plans.map((p) => p.name), file };
    },
    check: async (files, expected) => {
      const { checkWorkbook } = await checks();
      const out: FileCheck[] = [];
      for (const file of files) {
        out.push(checkWorkbook(file, expected));
        await breathe();
      }
      return out;
    },
    downloadCorrected: async (check, fixes, expected) => {
      const { correctWorkbook } = await checks();
      const corrected = await correctWorkbook(check, fixes, expected);
      const file = correctedFileName(check.name);
      save(corrected.bytes, file);
      return { file, cells: fixes.length, ...(corrected.remaining ? { remaining: corrected.remaining } : {}) };
    },
  };
}
