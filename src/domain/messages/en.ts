import type { Messages } from "./messages";

/** English, for the task pane's language switch and beside Vietnamese in CLI errors. */
export const en: Messages = {
  dv: {
    machinePromptTitle: "Machine count or X",
    machinePrompt: 'Write the count with the unit "máy", e.g. "2 máy" or "5 máy"; if none is arranged, write "X".',
    markPromptTitle: 'Mark "X"',
    markPrompt: 'Mark "X" in the matching cell; leave it blank otherwise.',
    countPromptTitle: "Whole number",
    countPrompt: "Write a whole number, 0 or more, e.g. 3.",
    moneyPromptTitle: "Amount (đồng)",
    moneyPrompt: "Write the amount in đồng, a whole number 0 or more, e.g. 1250000000.",
    errorTitle: "Invalid value",
    errorQuotingNote: (note: string) => `The form's explanatory note says: ${note}`,
    countError: "Only whole numbers, 0 or more.",
    moneyError: "Only amounts in đồng, 0 or more.",
  },
  sheet: {
    notesHeading: "GIẢI THÍCH BIỂU MẪU:",
  },
  cli: {
    usage: "Usage",
    badArgs: (detail: string) => `Invalid arguments: ${detail}`,
    unknownCommand: (cmd: string) => `No command "${cmd}".`,
    unknownForm: (form: string, known: string) => `No form "${form}". Choose one of: ${known}.`,
    missingOutput: "Missing output file: add -o FILE.xlsx.",
    badLevel: (v: string) => `Level "${v}" is invalid: choose xa, huyen or tinh.`,
    badTiers: (v: string) => `Tiers "${v}" is invalid: choose 2 or 3.`,
    badYear: (v: string) => `Year "${v}" is invalid: write the report year as YYYY, 2018 to 2100.`,
    missingValue: (flag: string) => `Option ${flag} needs a value.`,
    unknownFlag: (flag: string) => `No option ${flag}.`,
    unitFileUnreadable: (file: string, detail: string) =>
      `Cannot read the unit list "${file}": ${detail}. Check the path, or save the file as .xlsx, .csv or .txt (one name per line).`,
    unitFileEmpty: (file: string) => `The unit list "${file}" holds no names. Write one commune name per line (or per cell of column A).`,
    unitFileNoMatch: (file: string, code: string) =>
      `No unit with code "${code}" in "${file}". Check --code (2-digit province code, 3-digit district code).`,
    cannotWrite: (file: string, detail: string) =>
      `Cannot write "${file}": ${detail}. Check the folder and permissions, or close the file if Excel has it open.`,
    wrote: (file: string, sheets: number) => `Wrote ${file} (${sheets} sheets).`,
    internal: "Unexpected error. Please send the text below to support.",
  },
};
