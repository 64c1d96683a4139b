import { allForms, buildSheetPlan, getForm } from "../../src/domain";
import type { FormId, FormParams } from "../../src/domain";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { readBack } from "../support/read-back";
import type { ReadSheet } from "../support/read-back";
import { ALL_LEVELS, COMMUNE, DISTRICT, PROVINCE_2, PROVINCE_3, VIET_YEN_COMMUNES } from "../support/params";

/** Renders one form through the xlsx writer and reads the saved file back. */
async function render(form: FormId, params: FormParams): Promise<ReadSheet> {
  const plan = buildSheetPlan(getForm(form), params);
  const book = await readBack(await writeWorkbook([plan]));
  return book.sheet(plan.name);
}

/** The texts of column B (unit names) over the stamp's body rows, blank rows dropped. */
function bodyLabels(s: ReadSheet): string[] {
  const { first, last } = s.stamp!.body;
  return s.column("B", first, last).map((v) => String(v ?? ""));
}

function bodyNumbers(s: ReadSheet): (string | number | null)[] {
  const { first, last } = s.stamp!.body;
  return s.column("A", first, last);
}

// Wording as forms.md and the seeds give it.
const STAFFING_TITLE = "Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp";
const FACILITIES_HEADERS = [
  "STT",
  "Bộ phận Một cửa (BPMC)",
  "Số quầy giao dịch",
  "Máy tính nối mạng internet",
  "Máy in",
  "Máy lấy số xếp hàng tự động",
  "Màn hình cảm ứng để tra cứu thông tin",
  "Thiết bị đánh giá mức độ hài lòng",
  "Camera giám sát",
  "Máy điều hòa nhiệt độ",
  "Bàn, ghế cho công dân ngồi chờ",
  "Trang thiết bị khác",
];
const MACHINE_NOTE =
  '(4), (5), (6), (7), (8), (9), (10): Đơn vị tính là "máy"; ghi rõ số lượng là "2 máy" hoặc "5 máy"; nếu chưa bố trí, đánh dấu "X".';
const PROCEDURES_HEADERS = [
  "STT",
  "Tên đơn vị thực hiện cơ chế một cửa, một cửa liên thông",
  "Số TTHC đang thực hiện theo cơ chế một cửa",
  "Số TTHC đang thực hiện cơ chế một cửa liên thông",
  "Tổng số hồ sơ đã nhận",
  "Tổng số hồ sơ giải quyết đúng hạn",
  "Tổng số hồ sơ giải quyết quá hạn",
  "Ghi chú",
];

describe("staffing (PHỤ LỤC, seeds 000 and 001)", () => {
  test("title block, two-row header with the merged group over columns 3–5, no numbering row", async () => {
    const s = await render("staffing", DISTRICT);
    expect(s.at("A1")).toBe("PHỤ LỤC");
    expect(s.at("A2")).toBe(STAFFING_TITLE);
    expect(String(s.at("A3"))).toMatch(/^\(Kèm theo Báo cáo số:\s+\/BC-… ngày\s+tháng\s+năm 2024 của UBND thị xã Việt Yên\)$/);
    expect([s.at("A5"), s.at("B5"), s.at("C5"), s.at("F5")]).toEqual([
      "STT",
      "Bộ phận Một cửa",
      "Số lượng công chức, viên chức làm việc tại BPMC",
      "Ghi chú",
    ]);
    expect([s.at("C6"), s.at("D6"), s.at("E6")]).toEqual([
      "Tổng số",
      "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa",
      "Công chức, viên chức do các cơ quan chuyên môn được cử đến",
    ]);
    expect(s.merges).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "C5:E5", "F5:F6"]));
    expect(s.stamp?.numberingRow).toBeUndefined();
    expect(s.stamp?.body.first).toBe(7);
  });

  test("district: its own shop, then every commune of the list once, numbered on", async () => {
    const s = await render("staffing", DISTRICT);
    expect(bodyLabels(s)).toEqual([
      "Bộ phận Một cửa thị xã Việt Yên",
      ...VIET_YEN_COMMUNES.map((u) => `Bộ phận Một cửa ${u.name.replace(/^Xã/, "xã").replace(/^Phường/, "phường")}`),
    ]);
    expect(bodyNumbers(s)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  test("three-tier province: CẤP TỈNH, then each district with its own shop and communes numbered 1, 2, 3 (the seed's 1, 1, 2 corrected)", async () => {
    const s = await render("staffing", PROVINCE_3);
    const labels = bodyLabels(s);
    expect(labels.slice(0, 4)).toEqual([
      "CẤP TỈNH",
      "Trung tâm Phục vụ hành chính công",
      "Bộ phận Một cửa của Sở ... (nếu có)",
      "CẤP HUYỆN, CẤP XÃ",
    ]);
    const hiepHoa = labels.indexOf("Huyện Hiệp Hòa");
    expect(labels.slice(hiepHoa, hiepHoa + 4)).toEqual([
      "Huyện Hiệp Hòa",
      "Bộ phận Một cửa cấp huyện",
      "Bộ phận Một cửa xã Hoàng Vân",
      "Bộ phận Một cửa thị trấn Thắng",
    ]);
    expect(bodyNumbers(s).slice(hiepHoa, hiepHoa + 4)).toEqual(["II", 1, 2, 3]);
    expect(bodyNumbers(s)[labels.indexOf("Thị xã Việt Yên")]).toBe("I");
    expect(s.ws.getCell(`B${s.stamp!.body.first}`).font?.bold).toBe(true);
  });

  test("two-tier province lists its communes directly, with no district level", async () => {
    const s = await render("staffing", PROVINCE_2);
    const labels = bodyLabels(s);
    expect(labels).toContain("CẤP XÃ");
    expect(labels).not.toContain("CẤP HUYỆN, CẤP XÃ");
    expect(labels.slice(labels.indexOf("CẤP XÃ") + 1)).toEqual([
      "Bộ phận Một cửa phường Tự Lạn",
      "Bộ phận Một cửa phường Việt Yên",
      "Bộ phận Một cửa phường Nếnh",
      "Bộ phận Một cửa phường Vân Hà",
    ]);
  });

  test("commune: its own row only; counts accept whole numbers ≥ 0", async () => {
    const s = await render("staffing", COMMUNE);
    expect(bodyLabels(s)).toEqual(["Bộ phận Một cửa xã Thượng Lan"]);
    const dv = s.validation("C7");
    expect(dv).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", showErrorMessage: true });
    expect(dv?.formulae).toEqual([0]);
    expect(s.validation("F7")).toBeUndefined();
  });
});

describe("facilities (Phụ lục 1, seed 002)", () => {
  test("the twelve headers, the numbering row (1)…(12), and the territory in the title", async () => {
    const s = await render("facilities", DISTRICT);
    expect(s.at("A1")).toBe("Phụ lục 1");
    expect(s.at("A2")).toBe("THỰC TRẠNG CƠ SỞ VẬT CHẤT CỦA BỘ PHẬN MỘT CỬA TRÊN ĐỊA BÀN THỊ XÃ VIỆT YÊN");
    const cols = "ABCDEFGHIJKL".split("");
    expect(cols.map((c) => s.at(`${c}5`))).toEqual(FACILITIES_HEADERS);
    expect(cols.map((c) => s.at(`${c}6`))).toEqual(FACILITIES_HEADERS.map((_, i) => `(${i + 1})`));
    expect(s.stamp?.numberingRow).toBe(6);
  });

  test("row I is the district's shop, row II heads the communes, spelled BPMC (the seed's BPMT corrected)", async () => {
    const s = await render("facilities", DISTRICT);
    const labels = bodyLabels(s);
    expect(labels.slice(0, 4)).toEqual(["BPMC thị xã Việt Yên", "BPMC cấp xã", "BPMC xã Thượng Lan", "BPMC xã Trung Sơn"]);
    expect(labels.join("|")).not.toContain("BPMT");
    expect(labels).toHaveLength(2 + 17);
    expect(bodyNumbers(s).slice(0, 3)).toEqual(["I", "II", 1]);
  });

  test("without a unit list, the seed's placeholder rows stand for the communes", async () => {
    const s = await render("facilities", { ...DISTRICT, subunits: { kind: "none" } });
    expect(bodyLabels(s)).toEqual(["BPMC thị xã Việt Yên", "BPMC cấp xã", "BPMC phường...", "BPMC thị trấn...", "BPMC xã...."]);
  });

  test("machine columns (4)–(10) take \"n máy\" or \"X\", and the error quotes the note", async () => {
    const s = await render("facilities", DISTRICT);
    const first = s.stamp!.body.first;
    for (const col of "DEFGHIJ") {
      const dv = s.validation(`${col}${first}`);
      expect(dv?.type).toBe("custom");
      expect(dv?.error).toBe(`Theo giải thích biểu mẫu: ${MACHINE_NOTE}`);
      expect(String(dv?.formulae?.[0])).toContain('" máy"');
    }
    // The heading row II holds no figures, so it carries no validation.
    expect(s.validation(`D${first + 1}`)).toBeUndefined();
    expect(s.validation(`D${first + 2}`)?.type).toBe("custom");
    expect(s.validation(`C${first + 2}`)?.type).toBe("whole");
  });

  test("GIẢI THÍCH BIỂU MẪU stands under the table with the four notes verbatim", async () => {
    const s = await render("facilities", DISTRICT);
    const after = s.column("A", s.stamp!.body.last + 1, s.stamp!.body.last + 7).filter((v) => v !== null);
    expect(after).toEqual([
      "GIẢI THÍCH BIỂU MẪU:",
      "- (2): Tên Bộ phận Một cửa cấp huyện và tên Bộ phận Một cửa của tất cả các xã, phường, thị trấn trên địa bàn huyện/thị xã/thành phố.",
      "- (3) Số quầy giao dịch được bố trí nhận hồ sơ và trả kết quả tại Bộ phận Một cửa.",
      `- ${MACHINE_NOTE}`,
      "- (12): Ghi rõ các trang thiết bị khác chưa được liệt kê trong Phụ lục báo cáo./.",
    ]);
  });

  test("two-tier province: the provincial centre takes the district's row I", async () => {
    const s = await render("facilities", PROVINCE_2);
    expect(bodyLabels(s).slice(0, 3)).toEqual([
      "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
      "BPMC cấp xã",
      "BPMC phường Tự Lạn",
    ]);
  });
});

describe("investment (Phụ lục 2, seed 002)", () => {
  const REPORT_2021: FormParams = { ...DISTRICT, year: 2021 };

  test("a 2021 report has the seed's twelve columns, groups and footnote marks", async () => {
    const s = await render("investment", REPORT_2021);
    expect(s.at("A1")).toBe("Phụ lục 2");
    expect(s.at("A2")).toBe("KẾT QUẢ ĐẦU TƯ XÂY DỰNG BỘ PHẬN MỘT CỬA CẤP HUYỆN, CẤP XÃ");
    expect([s.at("A5"), s.at("B5"), s.at("C5"), s.at("D5"), s.at("F5"), s.at("J5"), s.at("L5")]).toEqual([
      "STT",
      "Bộ phận Một cửa (BPMC)",
      "Còn bố trí chung Bộ phận Một cửa làm việc chung với Bộ phận chuyên môn khác",
      "Đã bố trí riêng nơi làm việc của Bộ phận Một cửa",
      "Năm thực hiện",
      "Số tiền đầu tư (Đơn vị tính: đồng)",
      "Ghi chú",
    ]);
    expect("DEFGHIJK".split("").map((c) => s.at(`${c}6`))).toEqual([
      "Đầu tư xây dựng mới",
      "Đầu tư cải tạo lại",
      "2018 ¹",
      "2019",
      "2020",
      "2021 ²",
      "Đối với trang thiết bị máy móc phục vụ làm việc",
      "Đối với trụ sở, cơ sở vật chất",
    ]);
    expect(s.merges).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:I5", "J5:K5", "L5:L6"]));
    expect("ABCDEFGHIJKL".split("").map((c) => s.at(`${c}7`))).toEqual(Array.from({ length: 12 }, (_, i) => `(${i + 1})`));
  });

  test("a 2021 report prints the seed's notes and footnotes verbatim", async () => {
    const s = await render("investment", REPORT_2021);
    const after = s.column("A", s.stamp!.body.last + 1, s.stamp!.body.last + 8).filter((v) => v !== null);
    expect(after).toEqual([
      "¹ Tính từ thời điểm bắt đầu triển khai Nghị định số 61/2018/NĐ-CP./.",
      "² Tính cho đến thời điểm thực hiện báo cáo.",
      "GIẢI THÍCH BIỂU MẪU:",
      "- (2): Tên Bộ phận Một cửa cấp huyện và tên Bộ phận Một cửa của tất cả các xã, phường, thị trấn trên địa bàn huyện/thị xã/thành phố.",
      '- (3), (4), (5), (6), (7), (8), (9): Đánh dấu "X" vào ô tương ứng.',
      "- (10), (11): Ghi cụ thể số tiền đầu tư cho Bộ phận Một cửa cấp huyện, Bộ phận Một cửa của từng địa phương cấp xã. Trên cơ sở đó, tính tổng số tiền đầu tư cho Bộ phận Một cửa cấp huyện và tổng số tiền đầu tư cho Bộ phận Một cửa cấp xã ở nội dung “Tổng cộng” vào các ô tương ứng./.",
    ]);
  });

  test("a 2024 report runs the years 2018–2024 and renumbers the notes to the columns drawn", async () => {
    const s = await render("investment", DISTRICT);
    expect("FGHIJKL".split("").map((c) => s.at(`${c}6`))).toEqual(["2018 ¹", "2019", "2020", "2021", "2022", "2023", "2024 ²"]);
    expect(s.merges).toContain("F5:L5");
    const notes = s.column("A", s.stamp!.body.last + 1, s.stamp!.body.last + 8).map(String);
    expect(notes).toContain('- (3), (4), (5), (6), (7), (8), (9), (10), (11), (12): Đánh dấu "X" vào ô tương ứng.');
    expect(notes.some((n) => n.startsWith("- (13), (14): Ghi cụ thể số tiền đầu tư"))).toBe(true);
  });

  test("Tổng cộng sums the district's and the communes' amounts with live formulas", async () => {
    const s = await render("investment", REPORT_2021);
    const last = s.stamp!.body.last;
    const first = s.stamp!.body.first;
    expect(s.at(`B${last - 1}`)).toBe("Tổng cộng");
    expect(s.merges).toContain(`B${last - 1}:B${last}`);
    expect(s.at(`C${last - 1}`)).toBe("Số tiền đầu tư của Bộ phận Một cửa cấp huyện:");
    expect(s.at(`C${last}`)).toBe("Số tiền đầu tư của Bộ phận Một cửa cấp xã:");
    expect(s.merges).toContain(`C${last - 1}:I${last - 1}`);
    // Row I (the district) is the first body row; the 17 communes follow the heading row II.
    expect(s.at(`J${last - 1}`)).toBe(`=SUM(J${first})`);
    expect(s.at(`K${last}`)).toBe(`=SUM(K${first + 2}:K${first + 18})`);
  });

  test("marks accept only X; amounts are whole đồng shown with thousand separators", async () => {
    const s = await render("investment", REPORT_2021);
    const row = s.stamp!.body.first + 2;
    expect(s.validation(`C${row}`)).toMatchObject({ type: "list", formulae: ['"X"'] });
    expect(s.validation(`F${row}`)).toMatchObject({ type: "list", formulae: ['"X"'] });
    expect(s.validation(`J${row}`)).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual" });
    expect(s.ws.getCell(`J${row}`).numFmt).toBe("#,##0");
    expect(s.ws.getCell(`D${row}`).numFmt).toBe("@");
  });

  test("a commune's own sheet has no Tổng cộng", async () => {
    const s = await render("investment", COMMUNE);
    expect(bodyLabels(s)).toEqual(["BPMC cấp xã", "BPMC xã Thượng Lan"]);
  });
});

describe("procedures (PHỤ LỤC II, seed 004)", () => {
  test("title in two lines, the eight headers, sections with Tổng rows as formulas", async () => {
    const s = await render("procedures", DISTRICT);
    expect(s.at("A1")).toBe("PHỤ LỤC II");
    expect(s.at("A2")).toBe("KẾT QUẢ THỰC HIỆN CƠ CHẾ MỘT CỬA, CƠ CHẾ MỘT CỬA LIÊN THÔNG");
    expect(s.at("A3")).toBe("CỦA ỦY BAN NHÂN DÂN CẤP HUYỆN VÀ CẤP XÃ");
    expect(String(s.at("A4"))).toMatch(/^\(Kèm theo Báo cáo số\s+\/BC-UBND ngày\s+\/\s+\/2024 của UBND thị xã Việt Yên\)$/);
    expect("ABCDEFGH".split("").map((c) => s.at(`${c}6`))).toEqual(PROCEDURES_HEADERS);
    const labels = bodyLabels(s);
    expect(labels.slice(0, 4)).toEqual(["Cấp huyện", "Thị xã Việt Yên", "Tổng", "Cấp xã"]);
    expect(labels[labels.length - 1]).toBe("Tổng");
    const first = s.stamp!.body.first;
    expect(s.at(`E${first + 2}`)).toBe(`=SUM(E${first + 1})`);
    expect(s.at(`E${s.stamp!.body.last}`)).toBe(`=SUM(E${first + 4}:E${first + 20})`);
  });

  test("the signature block stands right-aligned under the table", async () => {
    const s = await render("procedures", DISTRICT);
    const last = s.stamp!.body.last;
    const texts = s.column("E", last + 1, last + 4).filter((v) => v !== null);
    expect(texts).toEqual(["....., ngày      tháng      năm 2024", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"]);
    expect(s.ws.getCell(`E${last + 3}`).font?.bold).toBe(true);
  });

  test("a three-tier province lists its districts under Cấp huyện and groups communes by district", async () => {
    const s = await render("procedures", PROVINCE_3);
    const labels = bodyLabels(s);
    expect(labels.slice(0, 4)).toEqual(["Cấp huyện", "Thị xã Việt Yên", "Huyện Hiệp Hòa", "Tổng"]);
    const xa = labels.indexOf("Cấp xã");
    expect(labels.slice(xa + 1, xa + 3)).toEqual(["Thị xã Việt Yên", "Xã Thượng Lan"]);
    expect(bodyNumbers(s)[labels.indexOf("Thị trấn Thắng")]).toBe(5);
  });
});

describe("intake (statistics of records, seed 000 item 1.b)", () => {
  test("records and procedures split as the outline asks, with the online share as a formula", async () => {
    const s = await render("intake", DISTRICT);
    expect(s.at("A2")).toBe("THỐNG KÊ KẾT QUẢ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM 2023");
    expect([s.at("G6"), s.at("H6"), s.at("I6"), s.at("J6"), s.at("K6"), s.at("L6")]).toEqual([
      "Tổng số",
      "Từ kỳ trước chuyển qua",
      "Mới tiếp nhận trong kỳ",
      "Trực tuyến",
      "Trực tiếp",
      "Qua dịch vụ bưu chính",
    ]);
    const row = s.stamp!.body.first + 1;
    expect(s.at(`F${row}`)).toBe(`=IF(N(C${row})>0,E${row}/C${row},"")`);
    expect(s.ws.getCell(`F${row}`).numFmt).toBe("0.00%");
    expect(bodyLabels(s)[bodyLabels(s).length - 1]).toBe("Tổng cấp xã");
  });
});

describe("every form, every level", () => {
  const cases = allForms().flatMap((form) => Object.entries(ALL_LEVELS).map(([level, params]) => ({ form: form.id, level, params })));

  test.each(cases)("$form at $level: fonts, borders, print setup, frozen header and the stamp", async ({ form, params }) => {
    const s = await render(form, params);
    const stamp = s.stamp!;
    expect(stamp).toMatchObject({ app: "phuluc", form, level: params.level, tiers: params.tiers, unit: params.unit, year: params.year });
    const lastHeader = stamp.numberingRow ?? stamp.header.last;
    expect(s.ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(s.ws.pageSetup.printTitlesRow).toBe(`${stamp.header.first}:${lastHeader}`);
    expect(s.ws.views[0]).toMatchObject({ state: "frozen", ySplit: lastHeader, xSplit: 2 });
    for (const address of ["A1", `A${stamp.header.first}`, `B${stamp.body.first}`]) {
      expect(s.ws.getCell(address).font?.name).toBe("Times New Roman");
    }
    for (const row of [stamp.header.first, stamp.body.first, stamp.body.last]) {
      const border = s.ws.getCell(`C${row}`).border;
      expect([border?.top?.style, border?.bottom?.style, border?.left?.style, border?.right?.style]).toEqual(["thin", "thin", "thin", "thin"]);
    }
    expect(stamp.columns.length).toBe(getForm(form).columns(params).length);
  });

  test("all five forms in one workbook each get their own sheet and stamp; the stamp sheet is very hidden", async () => {
    const plans = allForms().map((f) => buildSheetPlan(f, DISTRICT));
    const book = await readBack(await writeWorkbook(plans));
    expect(book.sheetNames).toEqual([...plans.map((p) => p.name), "PhuLuc_ThongTin"]);
    expect(book.wb.getWorksheet("PhuLuc_ThongTin")?.state).toBe("veryHidden");
    expect(plans.map((p) => book.sheet(p.name).stamp?.form)).toEqual(["staffing", "facilities", "investment", "procedures", "intake"]);
  });

  test("two plans with one name get distinct sheets, each stamp naming its own sheet", async () => {
    const plan = buildSheetPlan(getForm("staffing"), COMMUNE);
    const book = await readBack(await writeWorkbook([plan, plan]));
    expect(book.sheetNames.slice(0, 2)).toEqual(["PL Nhân sự Một cửa", "PL Nhân sự Một cửa (2)"]);
    expect(book.sheet("PL Nhân sự Một cửa (2)").stamp?.sheet).toBe("PL Nhân sự Một cửa (2)");
  });
});
