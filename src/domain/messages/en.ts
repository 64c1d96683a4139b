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
    districtNeedsThreeTiers: "Districts exist only in the three-tier system (before 1 July 2025): drop --tiers 2, or choose --level tinh or --level xa.",
    badYear: (v: string) => `Year "${v}" is invalid: write the report year as YYYY, 2018 to 2100.`,
    missingValue: (flag: string) => `Option ${flag} needs a value.`,
    unknownFlag: (flag: string) => `No option ${flag}.`,
    unitFileUnreadable: (file: string, detail: string) =>
      `Cannot read the unit list "${file}": ${detail}. Check the path, or save the file as .xlsx, .csv or .txt (one name per line).`,
    unitFileEmpty: (file: string) => `The unit list "${file}" holds no names. Write one commune name per line (or per cell of column A).`,
    unitFileNoMatch: (file: string, code: string) =>
      `No unit with code "${code}" in "${file}". Check --code (2-digit province code, 3-digit district code).`,
    unitFileNeedsCode: (file: string, what: string) =>
      `"${file}" holds more than one ${what}: add --code CODE to pick the reporting unit (province 2 digits, district 3, commune 5).`,
    unitFileWrongTiers: (file: string, table: string) =>
      table === "two-tier"
        ? `"${file}" is a two-tier list (since 1 July 2025, no districts): use --level tinh --tiers 2, or a three-tier list.`
        : `"${file}" is a three-tier list (before 1 July 2025): use --tiers 3, or a two-tier list (units-2025).`,
    tableProblems: {
      "too-large": "the file is larger than 20 MB",
      empty: "the file is empty",
      encrypted: "the file is password-protected; open it in Excel, remove the password and save it again",
      "not-a-table": "the file is damaged or not a spreadsheet",
      "unsupported-type": "only .xlsx, .xls, .ods, .csv and .txt can be read",
    },
    unitKinds: { province: "province", district: "district", commune: "commune" },
    outputExists: (file: string) => `"${file}" exists already. Choose another name, or add --force to overwrite it (its content is lost).`,
    badOutputType: (file: string) => `The output file "${file}" must end in .xlsx.`,
    cannotWrite: (file: string, detail: string) =>
      `Cannot write "${file}": ${detail}. Check the folder and permissions, or close the file if Excel has it open.`,
    wrote: (file: string, sheets: number) => `Wrote ${file} (${sheets} sheets).`,
    internal: "Unexpected error. Please send the text below to support.",
  },
};
