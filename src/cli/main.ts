import { parseArgs } from "./args";
import { CliError, EXIT } from "./cli-error";
import { HELP } from "./help";
import { en, vi } from "../domain/messages/messages";

function printError(error: CliError): void {
  process.stderr.write(`Lỗi: ${error.vi}\n(${error.en})\n`);
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (command === "template") {
    const { TEMPLATE_ARGS, templateOptions, runTemplate } = await import("./template.command");
    const opts = templateOptions(parseArgs(rest, TEMPLATE_ARGS));
    const result = await runTemplate(opts);
    process.stdout.write(`${vi.cli.wrote(result.output, result.sheets.length)}\n`);
    for (const sheet of result.sheets) process.stdout.write(`  - ${sheet}\n`);
    return EXIT.ok;
  }
  if (command === "validate") {
    const { VALIDATE_ARGS, runValidate, validateExitCode, formatValidateReport } = await import("./validate.command");
    const args = parseArgs(rest, VALIDATE_ARGS);
    const result = await runValidate(args);
    if (args.flags.has("--json")) {
      const { files, summary } = result;
      process.stdout.write(`${JSON.stringify({ files, summary })}\n`);
    } else {
      process.stdout.write(formatValidateReport(result));
    }
    return validateExitCode(result);
  }
  if (command === "consolidate") {
    const { CONSOLIDATE_ARGS, runConsolidate, consolidateExitCode, consolidateJson, formatConsolidation } = await import("./consolidate.command");
    const args = parseArgs(rest, CONSOLIDATE_ARGS);
    const run = await runConsolidate(args);
    process.stdout.write(args.flags.has("--json") ? `${JSON.stringify(consolidateJson(run))}\n` : formatConsolidation(run));
    return consolidateExitCode(run);
  }
  if (command === "demo") {
    const { DEMO_ARGS, runDemo } = await import("./demo.command");
    const result = await runDemo(parseArgs(rest, DEMO_ARGS));
    for (const f of result.files) process.stdout.write(`${vi.cli.demoWrote(f.file, f.unit, f.sheets)}\n`);
    process.stdout.write(`${vi.cli.demoDone(result.files.length, result.dir)}\n`);
    return EXIT.ok;
  }
  throw new CliError(`${vi.cli.unknownCommand(command)} ${vi.cli.usage}: phuluc --help`, `${en.cli.unknownCommand(command)} ${en.cli.usage}: phuluc --help`);
}

/** Runs the CLI and resolves to its exit code; only programmer faults print a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    if (error instanceof CliError) {
      printError(error);
      return error.exitCode;
    }
    process.stderr.write(`${vi.cli.internal}\n(${en.cli.internal})\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.unusable;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
