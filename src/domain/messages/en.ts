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
    demoWrote: (file: string, unit: string, sheets: number) => `Wrote ${file}: ${unit}, ${sheets} forms`,
    demoDone: (count: number, dir: string) =>
      `Done: ${count} sample files of thị xã Việt Yên in ${dir}/ (real figures from its 2024 report; sample values are marked in the Ghi chú column).`,
    internal: "Unexpected error. Please send the text below to support.",
  },
  ui: {
    appTitle: "One-Stop Shop Appendices",
    switchLanguage: "Tiếng Việt",
    switchLanguageLabel: "Chuyển ngăn tác vụ sang tiếng Việt",
    tasksLabel: "Tasks",
    tabs: { insert: "Insert form" },
    connecting: "Connecting to Excel…",
    outsideOffice:
      "This page is open outside Excel, so it cannot insert forms. Open Excel, choose the One-Stop Shop tab on the ribbon and click Insert form.",
    otherHost: "One-Stop Shop Appendices runs only in Excel. Open an Excel workbook and click Insert form.",
    notConnected: "Could not connect to Excel. Close this pane and open it again; if that does not help, restart Excel.",
    taskNotReady: "This feature is still being built. Insert form is available now.",
    insert: {
      forms: "Forms",
      allForms: "All",
      formNames: {
        staffing: "One-stop shop staffing",
        facilities: "Facilities (Appendix 1)",
        investment: "Construction investment (Appendix 2)",
        procedures: "One-stop mechanism results (Appendix II)",
        intake: "Applications received and settled",
      },
      level: "Reporting level",
      levels: { xa: "Commune", huyen: "District", tinh: "Province" },
      tiers: "Local government system",
      tierOptions: { 2: "2 tiers (from 1 July 2025)", 3: "3 tiers (before 1 July 2025)" },
      districtNeedsThreeTiers: "Districts exist only in the 3-tier system.",
      unitName: "Reporting unit name",
      unitNamePlaceholder: "e.g. Xã Thượng Lan",
      unitNameHint: "Left blank, the forms print dots to fill in by hand.",
      unitCode: "Unit code (optional)",
      unitCodeHint: "Province code 2 digits, district 3, commune 5; picks the unit in an official catalogue.",
      year: "Report year",
      yearInvalid: "Write the report year as YYYY, from 2018 to 2100.",
      period: "Reporting period",
      periodHint: 'As the letter words it, e.g. "Năm 2024" or "6 tháng đầu năm 2025".',
      defaultPeriod: (year: number) => `Năm ${year}`,
      submit: "Insert",
      inserting: "Inserting forms…",
      inserted: (count: number) => `Inserted ${count} ${count === 1 ? "sheet" : "sheets"}`,
      noForm: "Choose at least one form, then click Insert.",
      listNotUsable: "The unit list cannot be used yet: see the message under Unit list, fix it or click Remove list.",
      onlyInExcel: "Forms can be inserted only inside Excel.",
    },
    list: {
      label: "List of subordinate units (optional)",
      choose: "Choose list file…",
      remove: "Remove list",
      hint: "An .xlsx, .xls, .ods, .csv or .txt file: one name per line, or an official catalogue of administrative units.",
      reading: "Reading the file…",
      foundUnits: (file: string, count: number) => `${file}: ${count} subordinate ${count === 1 ? "unit" : "units"}.`,
      foundDistricts: (file: string, districts: number, communes: number) => `${file}: ${districts} districts with ${communes} communes.`,
      noSubunits: (file: string) => `${file}: a commune has no subordinate units; the list only gives the reporting unit's name.`,
      listUnit: (name: string, code: string) => `Reporting unit from the list: ${name}${code ? ` (code ${code})` : ""}, used when Unit name is blank.`,
      unreadable: (file: string, detail: string) => `Cannot read "${file}": ${detail}. Save the file as .xlsx, .csv or .txt (one name per line) and choose it again.`,
      unreadableUnknown: (file: string) => `Cannot read "${file}". Save the file as .xlsx, .csv or .txt (one name per line) and choose it again.`,
      empty: (file: string) => `"${file}" holds no names. Write one commune or ward name per line (or per cell of column A).`,
      needsCode: (file: string, what: string) =>
        `"${file}" lists more than one ${what}: enter the Unit code to pick the reporting unit (province 2 digits, district 3, commune 5).`,
      noMatch: (file: string, code: string) => `"${file}" has no unit with code "${code}". Check the Unit code.`,
      wrongTiers: (file: string, table: string) =>
        table === "two-tier"
          ? `"${file}" is a two-tier list (from 1 July 2025, no districts): choose Province or Commune with 2 tiers, or use a three-tier list.`
          : `"${file}" is a three-tier list (before 1 July 2025): choose 3 tiers, or use a two-tier list.`,
      unitKinds: { province: "province", district: "district", commune: "commune" },
    },
    errors: {
      payloadTooLarge:
        "Excel on the web accepts only so much data at a time. Insert fewer forms at once (one form at a time, for example), or use desktop Excel.",
      accessDenied:
        "Excel does not allow changes to this workbook: it may be read-only or its structure protected. Unprotect it (Review › Protect Workbook) or save a copy, then click Insert again.",
      cellEditMode: "Excel is editing a cell. Press Enter or Esc in the sheet, then click Insert again.",
      invalidArgument:
        "Excel refused the form's data. Check Unit name and Reporting period for unusual characters, then click Insert again; if it keeps failing, contact support.",
      nameTaken: "A sheet with the same name appeared while inserting. Click Insert again: the form will get another name.",
      inactiveWorkbook: "Another workbook is selected. Click into the workbook that should get the forms, then click Insert again.",
      unsupported: "This version of Excel lacks an operation the add-in needs. Update Office, or use Excel on the web.",
      busy: "Excel is busy or the connection was interrupted. Wait a moment, then click Insert again.",
      general: "Excel hit an error while inserting. Save the workbook, close and reopen it, then click Insert again.",
      unknown: "Something unexpected went wrong while inserting. Try again; if it keeps failing, contact support with the error code below.",
      code: (code: string) => `Error code: ${code}`,
    },
  },
};
