import type { CellStyle } from "./sheet-plan";

const BASE: CellStyle = {
  size: 12,
  bold: false,
  italic: false,
  h: "left",
  wrap: false,
  border: false,
  numberFormat: "General",
};

/** Interns cell formats so that a plan names each distinct format once. */
export class StyleBook {
  private readonly ids = new Map<string, string>();
  readonly styles: Record<string, CellStyle> = {};

  /** The id of this format, registering it the first time. */
  id(partial: Partial<CellStyle>): string {
    const style: CellStyle = { ...BASE, ...partial };
    const key = JSON.stringify(style);
    let id = this.ids.get(key);
    if (!id) {
      id = `s${this.ids.size}`;
      this.ids.set(key, id);
      this.styles[id] = style;
    }
    return id;
  }
}
