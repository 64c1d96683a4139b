import type { Messages } from "../domain";

export type InsertErrorKey = Exclude<keyof Messages["ui"]["errors"], "code">;

/**
 * Excel's error codes (OfficeExtension.Error.code) grouped by what the user can do about them.
 * The error's `message` is localized by Office and written for developers, so it is never shown.
 */
const BY_CODE: Record<string, InsertErrorKey> = {
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  MemoryLimitReached: "payloadTooLarge",
  AccessDenied: "accessDenied",
  Unauthenticated: "accessDenied",
  InvalidOperationInCellEditMode: "cellEditMode",
  InvalidArgument: "invalidArgument",
  InvalidReference: "invalidArgument",
  ItemAlreadyExists: "nameTaken",
  InactiveWorkbook: "inactiveWorkbook",
  ApiNotFound: "unsupported",
  ApiNotAvailable: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedFeature: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedSheet: "unsupported",
  ActivityLimitReached: "busy",
  RequestAborted: "busy",
  ServiceNotAvailable: "busy",
  Conflict: "busy",
  GeneralException: "general",
  InvalidOperation: "general",
  ItemNotFound: "general",
  InsertDeleteConflict: "general",
};

export interface InsertErrorView {
  key: InsertErrorKey;
  /** The error code, shown only for errors without a specific message so that support can tell them apart. */
  code?: string;
}

/** An error code is an identifier; anything else in that property is not shown. */
const CODE_SHAPE = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;

/** How to tell the user about an error thrown while inserting. */
export function insertErrorView(error: unknown): InsertErrorView {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  if (typeof code !== "string" || !CODE_SHAPE.test(code)) return { key: "unknown" };
  const key = Object.prototype.hasOwnProperty.call(BY_CODE, code) ? BY_CODE[code] : undefined;
  return key ? { key } : { key: "unknown", code };
}
