import type { UnitRef } from "../domain/forms/form-types";
import type { RowValues } from "../domain/layout/fill-plan";

/**
 * Thị xã Việt Yên (Bắc Giang), from its 2024 report (seed 001). Real where the report gives a
 * figure; where it does not, a sample value, listed in `SAMPLE_NOTE` and marked in each Ghi chú.
 */
export const DISTRICT: UnitRef = { name: "Thị xã Việt Yên", code: "222" };
export const PROVINCE = "Tỉnh Bắc Giang";
export const YEAR = 2024;
export const PERIOD = "Năm 2023";

interface Commune {
  unit: UnitRef;
  /** Staff at the one-stop shop, seed 001's appendix. */
  staff: number;
}

/** In the order of seed 001's appendix; names and codes as in the official list (units-2024). */
export const COMMUNES: Commune[] = [
  { unit: { name: "Xã Thượng Lan", code: "07759" }, staff: 3 },
  { unit: { name: "Xã Trung Sơn", code: "07780" }, staff: 3 },
  { unit: { name: "Xã Tiên Sơn", code: "07786" }, staff: 4 },
  { unit: { name: "Xã Nghĩa Trung", code: "07765" }, staff: 4 },
  { unit: { name: "Xã Minh Đức", code: "07768" }, staff: 4 },
  { unit: { name: "Phường Vân Trung", code: "07801" }, staff: 3 },
  { unit: { name: "Phường Bích Động", code: "07777" }, staff: 3 },
  { unit: { name: "Phường Tự Lạn", code: "07774" }, staff: 3 },
  { unit: { name: "Xã Việt Tiến", code: "07762" }, staff: 3 },
  { unit: { name: "Xã Hương Mai", code: "07771" }, staff: 4 },
  { unit: { name: "Xã Vân Hà", code: "07804" }, staff: 3 },
  { unit: { name: "Phường Quảng Minh", code: "07792" }, staff: 3 },
  { unit: { name: "Phường Ninh Sơn", code: "07798" }, staff: 3 },
  { unit: { name: "Phường Quang Châu", code: "07807" }, staff: 3 },
  { unit: { name: "Phường Nếnh", code: "07795" }, staff: 3 },
  { unit: { name: "Phường Hồng Thái", code: "07783" }, staff: 4 },
  { unit: { name: "Phường Tăng Tiến", code: "07789" }, staff: 4 },
];

export const SAMPLE_NOTE = "Số liệu mẫu";

/**
 * Splits `total` over the communes in proportion to their staff, remainders to the first ones, so
 * that the commune figures add up to the district-wide figure the report gives.
 */
export function split(total: number): number[] {
  const weights = COMMUNES.map((c) => c.staff);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % shares.length, rest--) shares[i]++;
  return shares;
}

/** Real: the district shop, 12 = 02 on its payroll + 10 sent by agencies, with the two footnotes. */
export const DISTRICT_STAFFING: RowValues = {
  total: 12,
  payroll: 2,
  seconded: 10,
  note:
    "(1) Gồm 01 Phó Chánh Văn phòng HĐND và UBND thị xã làm Trưởng Bộ phận và 01 cán bộ Văn phòng phụ trách Bộ phận Một cửa. " +
    "(2) Gồm 01 công chức phòng TN&MT, 03 nhân viên Bưu điện được cử đến Bộ phận Một cửa thực hiện tiếp nhận hồ sơ, trả kết quả và 06 công chức, viên chức các cơ quan của Tỉnh, Trung ương cử đến Bộ phận Một cửa (Chi nhánh VPĐK đất đai 02 người, BHXH 02 người, Chi cục thuế khu vực Việt Yên –Hiệp Hòa 01 người, Điện lực 01 người)",
};

/**
 * The report's average equipment per commune: 05 laptops and 01 desktop, 04 printers, 01 queue
 * machine, 04 rating devices, 02 camera screens, 03 tables and 20 chairs, and more. Counters and
 * air conditioners are not in the report (sample).
 */
export const COMMUNE_FACILITIES: RowValues = {
  counters: 3,
  computers: "6 máy",
  printers: "4 máy",
  queue: "1 máy",
  kiosk: "X",
  rating: "4 máy",
  camera: "2 máy",
  aircon: "2 máy",
  seating: "03 bàn, 20 ghế",
  other: `03 máy scan, 01 máy phô tô, 03 tủ sắt, 01 cây lọc nước. ${SAMPLE_NOTE}: (3), (10).`,
};

export const DISTRICT_FACILITIES: RowValues = {
  counters: 12,
  computers: "14 máy",
  printers: "6 máy",
  queue: "1 máy",
  kiosk: "1 máy",
  rating: "12 máy",
  camera: "4 máy",
  aircon: "4 máy",
  seating: "30 ghế",
  other: `${SAMPLE_NOTE}: cả dòng.`,
};

/** Real: new buildings in three communes, renovation in five; the rest still share rooms (sample). */
const NEW_BUILD = new Set(["Xã Hương Mai", "Xã Minh Đức", "Phường Vân Trung"]);
const RENOVATED = new Set(["Phường Tự Lạn", "Xã Việt Tiến", "Phường Quảng Minh", "Xã Nghĩa Trung", "Phường Nếnh"]);

/**
 * The report names a 17 billion đồng programme for the district and commune shops; its split by
 * unit and year is a sample that adds up to it: 0.3 bn equipment per commune, 2.5 bn per new
 * building, 0.8 bn per renovation, 0.4 bn for the district's equipment.
 */
export function investmentFor(name: string): RowValues {
  const built = NEW_BUILD.has(name);
  const renovated = RENOVATED.has(name);
  return {
    shared: built || renovated ? null : "X",
    newBuild: built ? "X" : null,
    renovate: renovated ? "X" : null,
    y2022: built ? "X" : null,
    // Every commune received its equipment in 2023 (sample).
    y2023: "X",
    equipment: 300_000_000,
    building: built ? 2_500_000_000 : renovated ? 800_000_000 : 0,
    note: `${SAMPLE_NOTE}: (3), năm, số tiền.`,
  };
}

export const DISTRICT_INVESTMENT: RowValues = {
  newBuild: null,
  renovate: "X",
  y2023: "X",
  equipment: 400_000_000,
  building: 0,
  note: `${SAMPLE_NOTE}: cả dòng.`,
};

/** Real: 254 procedures at district level, 156 at commune level, 10,726 and 28,616 records in 2023. */
export const DISTRICT_PROCEDURES: RowValues = {
  oneStop: 254,
  linked: 12,
  received: 10_726,
  onTime: 10_512,
  late: 45,
  note: `${SAMPLE_NOTE}: (4), (6), (7).`,
};

export const COMMUNE_RECORDS_2023 = 28_616;

/** Real: 2023 intake at district level, split by channel (seed 001, "Cấp huyện"). */
export const DISTRICT_INTAKE: RowValues = {
  tthcTotal: 254,
  tthcBorderless: 4,
  tthcOnline: 241,
  recTotal: 10_726,
  recCarried: 67,
  recNew: 10_659,
  recOnline: 9054,
  recInPerson: 1445,
  recPost: 160,
};

/** Real totals for all communes together (seed 001, "Cấp xã"); each commune's share is a sample. */
export const COMMUNE_INTAKE_TOTALS = {
  recTotal: 28_616,
  recCarried: 109,
  recNew: 28_507,
  recOnline: 27_627,
  recInPerson: 833,
  recPost: 47,
};
