import { memoized } from "../memo";

/**
 * Unit type words as they begin an official name. Longest first, so that "Thị xã" wins over "Xã"
 * would it ever be tested that way round.
 */
export const UNIT_TYPE_WORDS = [
  "Thành phố",
  "Thị trấn",
  "Thị xã",
  "Đặc khu",
  "Huyện",
  "Phường",
  "Quận",
  "Tỉnh",
  "Xã",
] as const;

export type UnitTypeWord = (typeof UNIT_TYPE_WORDS)[number];

/** Trims, collapses inner whitespace and normalises to NFC: the form every stored name takes. */
export const cleanName = memoized((name: string): string => name.normalize("NFC").replace(/\s+/g, " ").trim());

/**
 * The name with its type word in the official casing: the GSO export writes "Thị Xã Việt Yên",
 * the decisions "Thị xã Việt Yên".
 */
export function officialName(name: string): string {
  const clean = cleanName(name);
  const type = unitTypeOf(clean);
  return type ? type + clean.slice(type.length) : clean;
}

/** The type word an official name starts with ("Xã Thượng Lan" → "Xã"), if any. */
export const unitTypeOf = memoized((name: string): UnitTypeWord | undefined => {
  const clean = cleanName(name).toLocaleLowerCase("vi");
  return UNIT_TYPE_WORDS.find((w) => clean.startsWith(w.toLocaleLowerCase("vi") + " "));
});

/**
 * The name as it stands inside a sentence: the type word in lower case, as the seeds write
 * "Bộ phận Một cửa xã b1" or "UBND thị xã Việt Yên". A bare name is returned as it is.
 */
export function inlineName(name: string): string {
  const clean = cleanName(name);
  const type = unitTypeOf(clean);
  if (!type) return clean;
  return type.toLocaleLowerCase("vi") + clean.slice(type.length);
}

/** The name in capitals, for titles ("… TRÊN ĐỊA BÀN THỊ XÃ VIỆT YÊN"). */
export function upperName(name: string): string {
  return cleanName(name).toLocaleUpperCase("vi");
}

/** "Phường Nếnh" → "phuong-nenh": a file name any office computer and mail server accepts. */
export function slugName(name: string): string {
  return cleanName(name)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
