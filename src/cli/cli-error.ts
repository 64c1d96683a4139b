/** Exit codes of `phuluc`: 0 done, 1 problems found in the input, 2 unusable arguments or input. */
export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

/** A failure the user can act on: printed in Vietnamese with the English beside it, no stack trace. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(vi);
    this.name = "CliError";
  }
}
