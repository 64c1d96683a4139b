/**
 * Re-checking as the user types: Excel reports every edit through worksheets.onChanged, and a
 * run of edits (typing, pasting, filling down) must lead to one check once the user pauses, not
 * to one check per cell. The event handler only notes the sheet and returns, so Excel is never
 * kept waiting; the check runs afterwards in its own Excel.run.
 */

/** Quiet time after the last edit before the changed sheets are checked again. */
export const CHANGE_DELAY_MS = 600;

/**
 * Collects sheet ids and hands them over once no new one has come for `delayMs`. A check still
 * running when the next pause comes is waited for, so two checks never overlap; the ids noted
 * meanwhile go to the next one.
 */
export class ChangeDebouncer {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private disposed = false;

  constructor(
    private readonly settle: (sheetIds: string[]) => Promise<void>,
    private readonly delayMs = CHANGE_DELAY_MS,
  ) {}

  push(sheetId: string): void {
    if (this.disposed) return;
    this.pending.add(sheetId);
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.delayMs);
  }

  private fire(): void {
    this.timer = undefined;
    if (this.running || this.disposed || this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    this.running = true;
    void this.settle(ids)
      // A failed re-check (cell edit mode, a sheet deleted meanwhile) is retried on the next edit.
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        if (this.pending.size > 0 && !this.disposed) this.schedule();
      });
  }
}

/** Edits the add-in made itself (applying fixes) are checked by the code that made them. */
export function isOwnChange(args: Pick<Excel.WorksheetChangedEventArgs, "triggerSource">): boolean {
  return args.triggerSource === "ThisLocalAddin";
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** How the watch reaches Excel; tests hand in their own. */
export interface ExcelRunner {
  run<T>(batch: Batch<T>): Promise<T>;
  /** Runs a batch on the context an event handler was registered with (needed to remove it). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
}

const officeRunner: ExcelRunner = {
  run: (batch) => Excel.run(batch),
  runIn: (context, batch) => Excel.run(context, batch),
};

export interface ChangeWatch {
  /** Unregisters the handler and drops pending checks; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Watches every worksheet for data changes (worksheets.onChanged, ExcelApi 1.9) and calls
 * `onSettled` with the ids of the sheets changed, once per pause in the typing.
 */
export async function watchSheetChanges(
  onSettled: (sheetIds: string[]) => Promise<void>,
  options: { delayMs?: number; excel?: ExcelRunner } = {},
): Promise<ChangeWatch> {
  const excel = options.excel ?? officeRunner;
  const debouncer = new ChangeDebouncer(onSettled, options.delayMs ?? CHANGE_DELAY_MS);
  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (!isOwnChange(args)) debouncer.push(args.worksheetId);
  };
  const registration = await excel.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
    return result;
  });
  let stopped = false;
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      debouncer.dispose();
      await excel.runIn(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    },
  };
}
