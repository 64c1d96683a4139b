/**
 * Every Vietnamese string the product shows, apart from the official wording of the forms,
 * which lives with each form. English is a second table of the same shape (en.ts).
 */
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
    internal: "Lỗi không mong đợi. Hãy gửi nội dung dưới đây cho bộ phận hỗ trợ.",
  },
} as const;
