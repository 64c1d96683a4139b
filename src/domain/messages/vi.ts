/**
 * Every Vietnamese string the product shows, apart from the official wording of the forms,
 * which lives with each form. English is a second table of the same shape (en.ts).
 */
/** What a value message names: the column, the value found and the certain fix. */
export interface ValueArgs {
  column: string;
  value: string;
  suggestion: string;
}

export const vi = {
  dv: {
    machinePromptTitle: "Số máy hoặc X",
    machinePrompt: 'Ghi số lượng kèm đơn vị "máy", ví dụ "2 máy" hoặc "5 máy"; nếu chưa bố trí, ghi "X".',
    markPromptTitle: 'Đánh dấu "X"',
    markPrompt: 'Đánh dấu "X" vào ô tương ứng; để trống nếu không.',
    countPromptTitle: "Số nguyên",
    countPrompt: "Ghi số nguyên từ 0 trở lên, ví dụ 3.",
    moneyPromptTitle: "Số tiền (đồng)",
    moneyPrompt: "Ghi số tiền bằng đồng, số nguyên từ 0 trở lên, ví dụ 1250000000 (hiển thị 1.250.000.000).",
    errorTitle: "Giá trị không hợp lệ",
    /** The error alert quotes the explanatory note the column comes from. */
    errorQuotingNote: (note: string) => `Theo giải thích biểu mẫu: ${note}`,
    countError: "Chỉ ghi số nguyên từ 0 trở lên.",
    moneyError: "Chỉ ghi số tiền bằng đồng, số từ 0 trở lên.",
  },
  sheet: {
    notesHeading: "GIẢI THÍCH BIỂU MẪU:",
  },
  summary: {
    filesTitle: "TỆP ĐẦU VÀO",
    filesHeader: ["STT", "Tệp", "Đơn vị", "Biểu mẫu", "Sửa đổi lúc", "SHA-256", "Trạng thái", "Số lỗi kiểm tra", "Ghi chú"],
    traceTitle: "NGUỒN CỦA TỪNG DÒNG TỔNG HỢP",
    traceHeader: ["Trang tổng hợp", "Dòng", "Đơn vị", "Biểu mẫu", "Tệp", "Trang tính nguồn", "Dòng nguồn", "Ô nguồn"],
    conflictsTitle: "XUNG ĐỘT: NHIỀU TỆP CHO MỘT ĐƠN VỊ",
    conflictsHeader: ["Đơn vị", "Biểu mẫu", "Các tệp", "Ô khác nhau", "Tệp được dùng"],
    notCounted: "Chưa tính (cần chọn một tệp)",
    missingTitle: "ĐƠN VỊ CHƯA GỬI BÁO CÁO",
    unitHeader: "Đơn vị",
    status: {
      ok: "Đã tổng hợp",
      invalid: "Có lỗi kiểm tra",
      conflict: "Trùng đơn vị với tệp khác",
      unrecognised: "Không nhận ra biểu mẫu",
      unreadable: "Không đọc được",
    },
  },
  validate: {
    /** A problem's message ends by quoting the note or the source arithmetic it rests on. */
    quoteNote: (note: string) => `Theo giải thích biểu mẫu: “${note}”`,
    quoteBasis: (basis: string) => `Căn cứ: ${basis}.`,
    column: (number: string, header: string) => `Cột (${number}) “${header}”`,
    value: {
      "machine.blank": (a: ValueArgs) => `${a.column} để trống; ô này không được bỏ trống.`,
      "machine.bare-number": (a: ValueArgs) => `${a.column} ghi “${a.value}”, thiếu đơn vị “máy”: sửa thành “${a.suggestion}”.`,
      "machine.spelling": (a: ValueArgs) => `${a.column} ghi “${a.value}”: viết đúng là “${a.suggestion}”.`,
      "machine.leading-zero": (a: ValueArgs) => `${a.column} ghi “${a.value}”: viết gọn là “${a.suggestion}”.`,
      "machine.zero": (a: ValueArgs) => `${a.column} ghi “${a.value}”: chưa bố trí thì đánh dấu “X”.`,
      "machine.none-word": (a: ValueArgs) => `${a.column} ghi “${a.value}”: chưa bố trí thì đánh dấu “X”.`,
      "machine.x-variant": (a: ValueArgs) => `${a.column} ghi “${a.value}”: đánh dấu bằng chữ “X” in hoa, không có dấu cách.`,
      "machine.invalid": (a: ValueArgs) => `${a.column} ghi “${a.value}”: cần ghi số lượng kèm “máy” (ví dụ “2 máy”) hoặc “X”.`,
      "mark.x-variant": (a: ValueArgs) => `${a.column} ghi “${a.value}”: đánh dấu bằng chữ “X” in hoa, không có dấu cách.`,
      "mark.invalid": (a: ValueArgs) => `${a.column} ghi “${a.value}”: chỉ đánh dấu “X” hoặc để trống.`,
      "count.negative": (a: ValueArgs) => `${a.column} ghi “${a.value}”: số lượng không được âm.`,
      "count.fraction": (a: ValueArgs) => `${a.column} ghi “${a.value}”: số lượng phải là số nguyên.`,
      "count.not-number": (a: ValueArgs) => `${a.column} ghi “${a.value}”: cần ghi một số nguyên từ 0 trở lên.`,
      "money.text": (a: ValueArgs) => `${a.column} ghi số tiền dạng chữ “${a.value}”: nên ghi dạng số ${a.suggestion} để cộng được.`,
      "money.words": (a: ValueArgs) => `${a.column} ghi “${a.value}”: ghi số tiền bằng đồng, tức là ${a.suggestion}.`,
      "money.negative": (a: ValueArgs) => `${a.column} ghi “${a.value}”: số tiền không được âm.`,
      "money.fraction": (a: ValueArgs) => `${a.column} ghi “${a.value}”: số tiền tính bằng đồng, là số nguyên.`,
      "money.not-number": (a: ValueArgs) => `${a.column} ghi “${a.value}”: cần ghi số tiền bằng đồng, ví dụ 1250000000.`,
    },
    cell: {
      error: (column: string, error: string) => `${column} có lỗi công thức ${error}: sửa công thức hoặc nhập lại số liệu.`,
      date: (column: string, value: string) => `${column} đang là ngày tháng (${value}), không phải số: định dạng lại ô là Số (Number) rồi nhập lại.`,
      richText: (column: string) => `${column} có chữ định dạng nhiều kiểu: xóa định dạng rồi nhập lại số.`,
    },
    row: {
      empty: (label: string) => `Dòng “${label}” chưa có số liệu.`,
      placeholder: (label: string) => `Dòng mẫu “${label}” chưa được thay bằng tên đơn vị: ghi tên đơn vị hoặc xóa dòng.`,
    },
    rule: {
      sum: (whole: string, wholeValue: string, parts: string, sum: string) =>
        `${whole} là ${wholeValue} nhưng ${parts} cộng lại bằng ${sum}.`,
      atMost: (whole: string, wholeValue: string, parts: string, sum: string) =>
        `${parts} cộng lại là ${sum}, lớn hơn ${whole} (${wholeValue}).`,
      "investment.shared-and-own": () => `Đơn vị đánh dấu “còn bố trí chung” ở cột (3) nhưng lại đánh dấu đã bố trí riêng (xây mới hoặc cải tạo).`,
      "investment.place-unmarked": () => `Chưa đánh dấu cột (3), (4) hay (5): Bộ phận Một cửa còn bố trí chung, hay đã bố trí riêng (xây dựng mới, cải tạo lại)?`,
      "investment.year-without-work": () => `Có đánh dấu năm thực hiện nhưng chưa ghi số tiền đầu tư.`,
      "investment.money-without-year": () => `Có số tiền đầu tư nhưng chưa đánh dấu năm thực hiện.`,
      total: (label: string, column: string, value: string, sum: string) =>
        `Dòng “${label}”, ${column}: ghi ${value} nhưng cộng các dòng được ${sum}.`,
      totalBasis: "mỗi dòng “Tổng”, “Tổng cộng” bằng tổng các dòng của nó",
    },
    structure: {
      noStamp: "Trang tính được nhận ra theo tiêu đề bảng (không có thông tin do Phụ lục Một cửa ghi khi tạo biểu): hãy kiểm tra kỹ vị trí các cột.",
      renamed: (from: string) => `Trang tính đã được đổi tên (tên khi tạo: “${from}”). Không ảnh hưởng số liệu.`,
      columnMissing: (column: string) => `Không tìm thấy ${column}: cột đã bị xóa hoặc tiêu đề bị sửa. Chèn lại biểu mẫu hoặc khôi phục cột.`,
      columnExtra: (letter: string, header: string) =>
        `Cột ${letter}${header ? ` “${header}”` : ""} không có trong biểu mẫu: xóa cột này hoặc chuyển nội dung sang cột Ghi chú.`,
      columnMoved: (column: string, letter: string) => `${column} đang ở cột ${letter}, không đúng thứ tự của biểu mẫu.`,
      numbering: "Dòng đánh số cột “(1), (2), …” dưới tiêu đề bị thiếu hoặc sai.",
      mergedInput: (range: string) => `Các ô ${range} bị gộp, đè lên ô nhập số liệu: bỏ gộp ô (Unmerge) rồi nhập số liệu cho từng ô.`,
    },
    units: {
      missing: (name: string) => `Thiếu đơn vị “${name}”: thêm một dòng cho đơn vị này.`,
      duplicate: (name: string, rows: string) => `Đơn vị “${name}” xuất hiện nhiều lần (dòng ${rows}): mỗi đơn vị chỉ ghi một dòng.`,
      unexpected: (label: string) => `“${label}” không có trong danh sách đơn vị: kiểm tra lại tên.`,
      spelling: (label: string, official: string) => `“${label}” được hiểu là “${official}”: nên ghi đúng tên chính thức.`,
      ambiguous: (label: string, names: string) => `“${label}” có thể là ${names}: ghi rõ xã hay phường.`,
      basis: "(2): Tên Bộ phận Một cửa cấp huyện và tên Bộ phận Một cửa của tất cả các xã, phường, thị trấn trên địa bàn huyện/thị xã/thành phố.",
    },
    noForm: "Không tìm thấy biểu mẫu phụ lục nào trong tệp: cần dòng tiêu đề bắt đầu bằng “STT” như biểu mẫu gốc.",
  },
  cli: {
    usage: "Cách dùng",
    badArgs: (detail: string) => `Tham số không hợp lệ: ${detail}`,
    unknownCommand: (cmd: string) => `Không có lệnh "${cmd}".`,
    unknownForm: (form: string, known: string) => `Không có biểu mẫu "${form}". Chọn một trong: ${known}.`,
    missingOutput: "Thiếu tệp kết quả: thêm -o TỆP.xlsx.",
    badLevel: (v: string) => `Cấp "${v}" không hợp lệ: chọn xa, huyen hoặc tinh.`,
    badTiers: (v: string) => `Số cấp "${v}" không hợp lệ: chọn 2 hoặc 3.`,
    districtNeedsThreeTiers: "Cấp huyện chỉ có trong hệ thống ba cấp (trước 01/7/2025): bỏ --tiers 2, hoặc chọn --level tinh hay --level xa.",
    badYear: (v: string) => `Năm "${v}" không hợp lệ: ghi năm báo cáo dạng YYYY, từ 2018 đến 2100.`,
    missingValue: (flag: string) => `Tham số ${flag} cần một giá trị.`,
    unknownFlag: (flag: string) => `Không có tham số ${flag}.`,
    unitFileUnreadable: (file: string, detail: string) =>
      `Không đọc được danh sách đơn vị "${file}": ${detail}. Kiểm tra đường dẫn, hoặc lưu lại tệp dạng .xlsx, .csv hoặc .txt (mỗi dòng một tên).`,
    unitFileEmpty: (file: string) =>
      `Danh sách đơn vị "${file}" không có tên nào. Mỗi dòng (hoặc mỗi ô cột A) ghi một tên xã, phường.`,
    unitFileNoMatch: (file: string, code: string) =>
      `Trong "${file}" không có đơn vị nào mã "${code}". Kiểm tra --code (mã tỉnh 2 chữ số, mã huyện 3 chữ số).`,
    unitFileNeedsCode: (file: string, what: string) =>
      `"${file}" có nhiều ${what}: thêm --code MÃ để chọn đơn vị báo cáo (mã tỉnh 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số).`,
    unitFileWrongTiers: (file: string, table: string) =>
      table === "two-tier"
        ? `"${file}" là danh sách hai cấp (từ 01/7/2025, không có cấp huyện): dùng --level tinh --tiers 2, hoặc danh sách ba cấp.`
        : `"${file}" là danh sách ba cấp (trước 01/7/2025): dùng --tiers 3, hoặc danh sách hai cấp (units-2025).`,
    tableProblems: {
      "too-large": "tệp lớn hơn 20 MB",
      empty: "tệp rỗng",
      encrypted: "tệp có đặt mật khẩu; mở bằng Excel, bỏ mật khẩu rồi lưu lại",
      "not-a-table": "tệp hỏng hoặc không phải bảng tính",
      "unsupported-type": "chỉ đọc được .xlsx, .xls, .ods, .csv, .txt",
    },
    unitKinds: { province: "tỉnh", district: "huyện", commune: "xã" },
    outputExists: (file: string) =>
      `Tệp "${file}" đã có. Chọn tên khác, hoặc thêm --force nếu chắc chắn muốn ghi đè (nội dung cũ sẽ mất).`,
    badOutputType: (file: string) => `Tệp kết quả "${file}" phải có đuôi .xlsx.`,
    cannotWrite: (file: string, detail: string) =>
      `Không ghi được tệp "${file}": ${detail}. Kiểm tra thư mục và quyền ghi, hoặc đóng tệp nếu đang mở trong Excel.`,
    wrote: (file: string, sheets: number) => `Đã ghi ${file} (${sheets} trang tính).`,
    demoWrote: (file: string, unit: string, sheets: number) => `Đã ghi ${file}: ${unit}, ${sheets} biểu mẫu`,
    demoDone: (count: number, dir: string) =>
      `Xong: ${count} tệp mẫu của thị xã Việt Yên trong ${dir}/ (số liệu thật từ báo cáo năm 2024; số liệu mẫu được ghi rõ ở cột Ghi chú).`,
    validateUsage: "phuluc validate TỆP... [--json] [--units TỆP [--code MÃ]] [--fix -o TỆP.xlsx]",
    noFiles: "Chưa chọn tệp nào để kiểm tra.",
    fixNeedsOne: "--fix sửa được một tệp mỗi lần, và cần -o TỆP.xlsx cho bản đã sửa.",
    fixNeedsXlsx: (file: string) => `Chỉ sửa tự động được tệp .xlsx; hãy mở "${file}" bằng Excel, lưu thành .xlsx rồi chạy lại.`,
    fixSameFile: "Tệp sửa (-o) phải khác tệp gốc: tệp gốc được giữ nguyên.",
    workbookProblems: {
      empty: "tệp rỗng",
      "too-large": "tệp lớn hơn 30 MB, không phải một biểu phụ lục",
      encrypted: "tệp có đặt mật khẩu; mở bằng Excel, bỏ mật khẩu (File → Info → Protect Workbook) rồi lưu lại",
      "zip-damaged": "tệp bị hỏng (không giải nén được); lấy lại tệp gốc từ đơn vị gửi",
      "zip-bomb": "tệp có nội dung nén bất thường, có thể gây hại; không mở tệp này",
      "word-document": "đây là tệp Word (.docx) bị đổi đuôi thành bảng tính; hãy gửi tệp Excel",
      "not-a-workbook": "tệp không phải bảng tính Excel hoặc bị hỏng",
      "unsupported-type": "chỉ đọc được .xlsx, .xls và .ods",
      unreadable: "không mở được tệp (không có tệp này hoặc không có quyền đọc)",
    },
    fileError: (file: string, detail: string) => `${file}: ${detail}.`,
    fileSummary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    severity: { error: "Lỗi", warning: "Cảnh báo" },
    fixedWrote: (file: string, count: number) => `Đã sửa ${count} ô, ghi vào ${file}. Tệp gốc giữ nguyên.`,
    totalSummary: (files: number, errors: number, warnings: number) => `Tổng cộng ${files} tệp: ${errors} lỗi, ${warnings} cảnh báo.`,
    noInputs: "Chưa chọn thư mục hoặc tệp nào để tổng hợp.",
    noUsableInput: "Không có tệp nào chứa biểu mẫu phụ lục dùng được: kiểm tra lại thư mục, hoặc chạy phuluc validate để xem lý do.",
    consolidated: {
      wrote: (file: string, sheets: number) => `Đã ghi bảng tổng hợp ${file} (${sheets} biểu mẫu và trang “Nguồn dữ liệu”).`,
      units: (reported: number, expected: number) => (expected > 0 ? `Đơn vị đã báo cáo: ${reported}/${expected}.` : `Đơn vị đã báo cáo: ${reported}.`),
      missing: (names: string) => `Chưa có báo cáo: ${names}.`,
      unexpected: (names: string) => `Không có trong danh sách đơn vị: ${names}.`,
      spelling: (label: string, unit: string) => `“${label}” được hiểu là “${unit}”.`,
      conflict: (unit: string, form: string, files: string, kept?: string) =>
        kept ? `${unit} (${form}): nhiều tệp (${files}); dùng tệp mới nhất ${kept}.` : `${unit} (${form}): nhiều tệp (${files}); chưa tính — chọn một tệp hoặc dùng --newest-wins.`,
      file: (file: string, status: string, detail: string) => `${file}: ${status}${detail ? ` — ${detail}` : ""}.`,
    },
    internal: "Lỗi không mong đợi. Hãy gửi nội dung dưới đây cho bộ phận hỗ trợ.",
  },
  ui: {
    appTitle: "Phụ lục Một cửa",
    switchLanguage: "English",
    switchLanguageLabel: "Switch the task pane to English",
    tasksLabel: "Tác vụ",
    tabs: { insert: "Chèn biểu mẫu" },
    connecting: "Đang kết nối với Excel…",
    outsideOffice:
      "Trang này đang mở ngoài Excel nên chưa chèn được biểu mẫu. Hãy mở Excel, chọn thẻ Phụ lục Một cửa trên dải băng rồi bấm Chèn biểu mẫu.",
    otherHost: "Phụ lục Một cửa chỉ chạy trong Excel. Hãy mở một sổ làm việc Excel rồi bấm Chèn biểu mẫu.",
    notConnected: "Chưa kết nối được với Excel. Đóng ngăn này rồi mở lại; nếu vẫn vậy, hãy khởi động lại Excel.",
    taskNotReady: "Chức năng này đang được xây dựng. Hiện có thể dùng Chèn biểu mẫu.",
    insert: {
      forms: "Biểu mẫu",
      allForms: "Tất cả",
      formNames: {
        staffing: "Nhân sự Bộ phận Một cửa",
        facilities: "Cơ sở vật chất (Phụ lục 1)",
        investment: "Đầu tư xây dựng (Phụ lục 2)",
        procedures: "Kết quả thực hiện cơ chế một cửa (Phụ lục II)",
        intake: "Tiếp nhận, giải quyết TTHC",
      },
      level: "Cấp báo cáo",
      levels: { xa: "Cấp xã", huyen: "Cấp huyện", tinh: "Cấp tỉnh" },
      tiers: "Hệ thống chính quyền địa phương",
      tierOptions: { 2: "2 cấp (từ 01/7/2025)", 3: "3 cấp (trước 01/7/2025)" },
      districtNeedsThreeTiers: "Cấp huyện chỉ có trong hệ thống 3 cấp.",
      unitName: "Tên đơn vị báo cáo",
      unitNamePlaceholder: "Ví dụ: Xã Thượng Lan",
      unitNameHint: "Để trống thì biểu mẫu in dấu ba chấm để điền tay.",
      unitCode: "Mã đơn vị (không bắt buộc)",
      unitCodeHint: "Mã tỉnh 2 chữ số, mã huyện 3, mã xã 5; dùng để chọn đơn vị trong danh mục chính thức.",
      year: "Năm báo cáo",
      yearInvalid: "Ghi năm báo cáo dạng YYYY, từ 2018 đến 2100.",
      period: "Kỳ báo cáo",
      periodHint: 'Ghi như trong văn bản, ví dụ "Năm 2024" hoặc "6 tháng đầu năm 2025".',
      submit: "Chèn",
      inserting: "Đang chèn biểu mẫu…",
      inserted: (count: number) => `Đã chèn ${count} trang tính`,
      noForm: "Chọn ít nhất một biểu mẫu rồi bấm Chèn.",
      listNotUsable: "Danh sách đơn vị chưa dùng được: xem thông báo ở mục Danh sách đơn vị, sửa lại hoặc bấm Bỏ danh sách.",
      onlyInExcel: "Chỉ chèn được khi mở trong Excel.",
    },
    list: {
      label: "Danh sách đơn vị trực thuộc (không bắt buộc)",
      choose: "Chọn tệp danh sách…",
      remove: "Bỏ danh sách",
      hint: "Tệp .xlsx, .xls, .ods, .csv hoặc .txt: mỗi dòng một tên, hoặc danh mục đơn vị hành chính chính thức.",
      reading: "Đang đọc tệp…",
      foundUnits: (file: string, count: number) => `${file}: ${count} đơn vị trực thuộc.`,
      foundDistricts: (file: string, districts: number, communes: number) =>
        `${file}: ${districts} huyện với ${communes} xã, phường, thị trấn.`,
      noSubunits: (file: string) => `${file}: cấp xã không có đơn vị trực thuộc; danh sách chỉ dùng để lấy tên đơn vị báo cáo.`,
      listUnit: (name: string, code: string) => `Đơn vị báo cáo theo danh sách: ${name}${code ? ` (mã ${code})` : ""}, dùng khi ô Tên đơn vị để trống.`,
      unreadable: (file: string, detail: string) => `Không đọc được "${file}": ${detail}. Hãy lưu lại tệp dạng .xlsx, .csv hoặc .txt (mỗi dòng một tên) rồi chọn lại.`,
      unreadableUnknown: (file: string) => `Không đọc được "${file}". Hãy lưu lại tệp dạng .xlsx, .csv hoặc .txt (mỗi dòng một tên) rồi chọn lại.`,
      empty: (file: string) => `"${file}" không có tên nào. Mỗi dòng (hoặc mỗi ô cột A) ghi một tên xã, phường.`,
      needsCode: (file: string, what: string) =>
        `"${file}" có nhiều ${what}: nhập Mã đơn vị để chọn đơn vị báo cáo (mã tỉnh 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số).`,
      noMatch: (file: string, code: string) => `Trong "${file}" không có đơn vị nào mã "${code}". Kiểm tra lại Mã đơn vị.`,
      wrongTiers: (file: string, table: string) =>
        table === "two-tier"
          ? `"${file}" là danh sách hai cấp (từ 01/7/2025, không có cấp huyện): chọn Cấp tỉnh hoặc Cấp xã với hệ thống 2 cấp, hoặc dùng danh sách ba cấp.`
          : `"${file}" là danh sách ba cấp (trước 01/7/2025): chọn hệ thống 3 cấp, hoặc dùng danh sách hai cấp.`,
      unitKinds: { province: "tỉnh", district: "huyện", commune: "xã" },
    },
    errors: {
      payloadTooLarge:
        "Excel trên web chỉ nhận một lượng dữ liệu giới hạn mỗi lần. Hãy chèn ít biểu mẫu hơn mỗi lần (ví dụ từng biểu mẫu một), hoặc dùng Excel trên máy tính.",
      accessDenied:
        "Excel không cho sửa sổ làm việc này: có thể sổ đang mở chỉ đọc hoặc cấu trúc sổ đang được bảo vệ. Bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) hoặc lưu một bản sao, rồi bấm Chèn lại.",
      cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc trong trang tính rồi bấm Chèn lại.",
      invalidArgument:
        "Excel từ chối dữ liệu của biểu mẫu. Hãy kiểm tra Tên đơn vị và Kỳ báo cáo (bỏ ký tự lạ), rồi bấm Chèn lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ.",
      nameTaken: "Trong lúc chèn đã có trang tính trùng tên. Bấm Chèn lại: biểu mẫu sẽ được đặt tên khác.",
      inactiveWorkbook: "Một sổ làm việc khác đang được chọn. Bấm vào sổ cần chèn biểu mẫu rồi bấm Chèn lại.",
      unsupported:
        "Phiên bản Excel này chưa hỗ trợ thao tác cần thiết. Hãy cập nhật Office, hoặc dùng Excel trên web.",
      busy: "Excel đang bận hoặc kết nối bị gián đoạn. Chờ một lát rồi bấm Chèn lại.",
      general: "Excel gặp lỗi khi chèn. Hãy lưu sổ làm việc, đóng và mở lại, rồi bấm Chèn lại.",
      unknown: "Có lỗi không mong đợi khi chèn. Hãy thử lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ kèm mã lỗi dưới đây.",
      code: (code: string) => `Mã lỗi: ${code}`,
    },
  },
} as const;
