import type { ColumnDef, FormDef } from "./form-types";
import { attachedToReport, ubnd } from "./skeleton";
import { districtShapedRows, onTerritoryOf } from "./district-skeleton";

// Seed 002, "Phụ lục 1" with its GIẢI THÍCH BIỂU MẪU.
const NOTE_UNIT =
  "(2): Tên Bộ phận Một cửa cấp huyện và tên Bộ phận Một cửa của tất cả các xã, phường, thị trấn trên địa bàn huyện/thị xã/thành phố.";
const NOTE_COUNTERS = "(3) Số quầy giao dịch được bố trí nhận hồ sơ và trả kết quả tại Bộ phận Một cửa.";
const NOTE_MACHINES =
  '(4), (5), (6), (7), (8), (9), (10): Đơn vị tính là "máy"; ghi rõ số lượng là "2 máy" hoặc "5 máy"; nếu chưa bố trí, đánh dấu "X".';
const NOTE_OTHER = "(12): Ghi rõ các trang thiết bị khác chưa được liệt kê trong Phụ lục báo cáo./.";

const machine = (key: string, number: string, header: string): ColumnDef => ({
  key,
  number,
  header,
  kind: "machine",
  width: 12,
  note: NOTE_MACHINES,
});

const COLUMNS: ColumnDef[] = [
  { key: "stt", number: "1", header: "STT", kind: "rowNumber", width: 6 },
  { key: "unit", number: "2", header: "Bộ phận Một cửa (BPMC)", kind: "unitName", width: 30, note: NOTE_UNIT },
  { key: "counters", number: "3", header: "Số quầy giao dịch", kind: "count", width: 10, note: NOTE_COUNTERS },
  machine("computers", "4", "Máy tính nối mạng internet"),
  machine("printers", "5", "Máy in"),
  machine("queue", "6", "Máy lấy số xếp hàng tự động"),
  machine("kiosk", "7", "Màn hình cảm ứng để tra cứu thông tin"),
  machine("rating", "8", "Thiết bị đánh giá mức độ hài lòng"),
  machine("camera", "9", "Camera giám sát"),
  machine("aircon", "10", "Máy điều hòa nhiệt độ"),
  { key: "seating", number: "11", header: "Bàn, ghế cho công dân ngồi chờ", kind: "countOrText", width: 14 },
  { key: "other", number: "12", header: "Trang thiết bị khác", kind: "text", width: 22, note: NOTE_OTHER },
];

export const facilitiesForm: FormDef = {
  id: "facilities",
  version: 1,
  appendixLabel: "Phụ lục 1",
  sheetName: "PL1 Cơ sở vật chất",
  shortName: "Cơ sở vật chất (Phụ lục 1)",
  title: (p) => [`THỰC TRẠNG CƠ SỞ VẬT CHẤT CỦA BỘ PHẬN MỘT CỬA TRÊN ĐỊA BÀN ${onTerritoryOf(p)}`],
  subtitle: (p) => attachedToReport(p, ubnd(p)),
  columns: () => COLUMNS,
  numberingRow: true,
  rows: districtShapedRows,
  footnotes: () => [],
  notes: () => [NOTE_UNIT, NOTE_COUNTERS, NOTE_MACHINES, NOTE_OTHER],
  rules: () => [],
};
