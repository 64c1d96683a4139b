import { vi } from "./vi";
import { en } from "./en";

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language table has: the Vietnamese one, widened. */
export type Messages = Widen<typeof vi>;

export type Language = "vi" | "en";

export function messagesFor(lang: Language): Messages {
  return lang === "en" ? en : vi;
}

export { vi, en };
