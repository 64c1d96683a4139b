/** @jest-environment jsdom */
import { correctedFileName, formsFileName, saveFile, summaryFileName } from "../../src/taskpane/download";

describe("file names of the standalone page's downloads", () => {
  test("forms and summaries are named after the unit, folded to ASCII so any mail server or share takes them", () => {
    expect(formsFileName("Xã Thượng Lan")).toBe("phu-luc-xa-thuong-lan.xlsx");
    expect(formsFileName("  Phường   Đồng Kỵ ")).toBe("phu-luc-phuong-dong-ky.xlsx");
    expect(summaryFileName("Thị xã Việt Yên")).toBe("tong-hop-thi-xa-viet-yen.xlsx");
    expect(formsFileName("")).toBe("phu-luc.xlsx");
    expect(summaryFileName(undefined)).toBe("tong-hop.xlsx");
  });

  test("a corrected copy keeps the original's name, so it sits beside it, without folder or characters Windows refuses", () => {
    expect(correctedFileName("Báo cáo Vân Hà.xlsx")).toBe("Báo cáo Vân Hà-da-sua.xlsx");
    expect(correctedFileName("xa/07759-xa-thuong-lan.xlsx")).toBe("07759-xa-thuong-lan-da-sua.xlsx");
    expect(correctedFileName('bao "cao"?.xlsx')).toBe("bao cao-da-sua.xlsx");
    expect(correctedFileName(".xlsx")).toBe("bao-cao-da-sua.xlsx");
  });
});

describe("saveFile", () => {
  test("clicks a temporary link to the bytes with the file name, then removes it and later frees the bytes", () => {
    jest.useFakeTimers();
    const created: Blob[] = [];
    const revoked: string[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return "blob:phuluc/1";
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    });
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    saveFile(new Uint8Array([80, 75, 3, 4]), "phu-luc-xa-van-ha.xlsx");
    expect(clicks).toEqual([{ href: "blob:phuluc/1", download: "phu-luc-xa-van-ha.xlsx", attached: true }]);
    expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(created[0].size).toBe(4);
    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(revoked).toEqual([]);
    jest.runAllTimers();
    expect(revoked).toEqual(["blob:phuluc/1"]);
    click.mockRestore();
    jest.useRealTimers();
  });
});
