import { vi } from "../../src/domain";
import { insertErrorView } from "../../src/taskpane/office-errors";

describe("insertErrorView", () => {
  test.each([
    ["RequestPayloadSizeLimitExceeded", "payloadTooLarge"],
    ["InvalidArgument", "invalidArgument"],
    ["AccessDenied", "accessDenied"],
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["ItemAlreadyExists", "nameTaken"],
    ["ApiNotFound", "unsupported"],
    ["GeneralException", "general"],
  ])("%s → %s", (code, key) => {
    expect(insertErrorView({ code, message: "localized text for developers" })).toEqual({ key });
    expect(vi.ui.errors[key as keyof typeof vi.ui.errors]).toBeTruthy();
  });

  test("an unknown code is kept for support; anything else without a code is plainly unknown", () => {
    expect(insertErrorView({ code: "BrandNewCode" })).toEqual({ key: "unknown", code: "BrandNewCode" });
    expect(insertErrorView(new Error("boom"))).toEqual({ key: "unknown" });
    expect(insertErrorView("boom")).toEqual({ key: "unknown" });
    expect(insertErrorView(null)).toEqual({ key: "unknown" });
  });

  test("a code that is not an identifier is never shown", () => {
    expect(insertErrorView({ code: "<img src=x> spoof" })).toEqual({ key: "unknown" });
    expect(insertErrorView({ code: "toString" })).toEqual({ key: "unknown", code: "toString" });
  });
});
