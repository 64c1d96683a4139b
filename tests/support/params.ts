import type { FormParams, UnitRef } from "../../src/domain";

/** The 17 communes of thị xã Việt Yên as seed 001 lists them, with their official prefixes. */
export const VIET_YEN_COMMUNES: UnitRef[] = [
  "Xã Thượng Lan", "Xã Trung Sơn", "Xã Tiên Sơn", "Xã Nghĩa Trung", "Xã Minh Đức", "Phường Vân Trung",
  "Phường Bích Động", "Phường Tự Lạn", "Xã Việt Tiến", "Xã Hương Mai", "Xã Vân Hà", "Phường Quảng Minh",
  "Phường Ninh Sơn", "Phường Quang Châu", "Phường Nếnh", "Phường Hồng Thái", "Phường Tăng Tiến",
].map((name) => ({ name }));

export const DISTRICT: FormParams = {
  level: "huyen",
  tiers: 3,
  unit: { name: "Thị xã Việt Yên", code: "222" },
  year: 2024,
  period: "Năm 2023",
  subunits: { kind: "communes", communes: VIET_YEN_COMMUNES },
};

export const COMMUNE: FormParams = {
  level: "xa",
  tiers: 3,
  unit: { name: "Xã Thượng Lan", code: "07759" },
  year: 2024,
  period: "Năm 2023",
  subunits: { kind: "none" },
};

export const PROVINCE_3: FormParams = {
  level: "tinh",
  tiers: 3,
  unit: { name: "Tỉnh Bắc Giang", code: "24" },
  year: 2024,
  period: "Năm 2023",
  subunits: {
    kind: "districts",
    districts: [
      { district: { name: "Thị xã Việt Yên", code: "222" }, communes: VIET_YEN_COMMUNES.slice(0, 3) },
      { district: { name: "Huyện Hiệp Hòa", code: "223" }, communes: [{ name: "Xã Hoàng Vân" }, { name: "Thị trấn Thắng" }] },
    ],
  },
};

export const PROVINCE_2: FormParams = {
  level: "tinh",
  tiers: 2,
  unit: { name: "Tỉnh Bắc Ninh", code: "24" },
  year: 2025,
  period: "Năm 2025",
  subunits: {
    kind: "communes",
    communes: [{ name: "Phường Tự Lạn" }, { name: "Phường Việt Yên" }, { name: "Phường Nếnh" }, { name: "Phường Vân Hà" }],
  },
};

export const ALL_LEVELS = { commune: COMMUNE, district: DISTRICT, province3: PROVINCE_3, province2: PROVINCE_2 };
