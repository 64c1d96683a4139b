/** Powers of ten of the Vietnamese scale words. */
const SCALES: [RegExp, number][] = [
  [/^(tỷ|tỉ|ty)$/i, 9],
  [/^(triệu|trieu|tr)$/i, 6],
  [/^(nghìn|ngàn|nghin|ngan)$/i, 3],
];
const CURRENCY = /\s*(đồng|dong|vnđ|vnd|đ)\.?$/i;

export interface Amount {
  value: number;
  /** True when a scale word (tỷ, triệu, nghìn) was used. */
  scaled: boolean;
}

/**
 * Splits a written number into its whole and decimal digits. Vietnamese writes thousands with
 * "." (or spaces) and decimals with ","; a lone "." followed by other than three digits is
 * taken as a decimal point too, as in "1.5 tỷ".
 */
function digitsOf(num: string): { whole: string; frac: string } | undefined {
  const t = num.replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d+(,\d+)?$/.test(t)) {
    const [whole, frac = ""] = t.replace(/\./g, "").split(",");
    return { whole, frac };
  }
  if (/^\d{1,3}(,\d{3}){2,}$/.test(t)) return { whole: t.replace(/,/g, ""), frac: "" };
  if (/^\d+\.\d+$/.test(t)) {
    const [whole, frac] = t.split(".");
    return { whole, frac };
  }
  return undefined;
}

/**
 * An amount as officials write it: "1.250.000.000", "1 250 000 000 đồng", "1,25 tỷ",
 * "1.250 triệu", "500 nghìn". Exact decimal arithmetic, so "1,1 tỷ" is 1 100 000 000, not a
 * float near it. Undefined for anything else.
 */
export function parseVietnameseAmount(input: string): Amount | undefined {
  let t = input.normalize("NFC").trim().replace(CURRENCY, "").trim();
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1).trim();
  }
  let exponent = 0;
  const m = /^(.*?)\s*([\p{L}]+)$/u.exec(t);
  if (m) {
    const scale = SCALES.find(([re]) => re.test(m[2]));
    if (!scale) return undefined;
    exponent = scale[1];
    t = m[1];
  }
  const digits = digitsOf(t);
  if (!digits) return undefined;
  const frac = digits.frac.replace(/0+$/, "");
  const shifted = frac.length <= exponent ? digits.whole + frac.padEnd(exponent, "0") : undefined;
  const value = shifted !== undefined ? Number(shifted) : Number(`${digits.whole}.${frac}`) * 10 ** exponent;
  return { value: negative ? -value : value, scaled: exponent > 0 };
}
