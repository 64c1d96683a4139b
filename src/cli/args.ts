import { CliError } from "./cli-error";
import { en, vi } from "../domain/messages/messages";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Option names that take a value, with their short aliases. */
export interface ArgSpec {
  valued: string[];
  flags: string[];
  aliases?: Record<string, string>;
}

/**
 * Splits argv into positionals, valued options (`--level huyen`, `--level=huyen`) and flags.
 * @throws CliError for an unknown option or a missing value
 */
export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.split(/=(.*)/s, 2);
    const name = spec.aliases?.[rawName] ?? rawName;
    if (spec.flags.includes(name)) {
      parsed.flags.add(name);
    } else if (spec.valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new CliError(vi.cli.missingValue(name), en.cli.missingValue(name));
      }
      parsed.options.set(name, value);
    } else {
      throw new CliError(vi.cli.unknownFlag(rawName), en.cli.unknownFlag(rawName));
    }
  }
  return parsed;
}
