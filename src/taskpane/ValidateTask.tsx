import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import type { Messages, UnitRef } from "../domain";
import type { CellFix } from "../domain/validate";
import { applyFixesInExcel, selectCell, validateInExcel } from "../excel";
import type { ExcelValidation } from "../excel";
import { watchSheetChanges } from "./change-watch";
import type { ChangeWatch } from "./change-watch";
import { expectedView, ExpectedUnitsField } from "./ExpectedUnits";
import { useUnitList } from "./unit-list-state";
import type { RememberedInsert } from "./remembered";
import { FixBar, fixKey, groupsOf, initiallyOpen, Results, withTick, stillFixable, Summary } from "./IssueList";
import type { GroupKey } from "./IssueList";
import { insertErrorView } from "./office-errors";
import type { InsertErrorView } from "./office-errors";

export interface ValidateRequest {
  scope: "active" | "all";
  expectedUnits?: UnitRef[];
}

/** What the task needs from Excel; the real one runs each call in its own Excel.run. */
export interface ValidateApi {
  validate(request: ValidateRequest): Promise<ExcelValidation>;
  /** Checks again the sheets named (or given by id), e.g. after an edit or a fix. */
  revalidate(sheetKeys: string[], expectedUnits?: UnitRef[]): Promise<ExcelValidation>;
  applyFixes(fixes: CellFix[]): Promise<number>;
  select(sheet: string, cell: string): Promise<void>;
  watch(onSettled: (sheetIds: string[]) => Promise<void>): Promise<ChangeWatch>;
}

/**
 * A check started while the user is still typing in a cell waits for the edit to end instead of
 * failing (ExcelApi 1.11; older hosts ignore the option and the check is retried on the next edit).
 */
const AFTER_CELL_EDIT: Excel.RunOptions = { delayForCellEdit: true };

export const excelValidateApi: ValidateApi = {
  validate: ({ scope, expectedUnits }) =>
    Excel.run(AFTER_CELL_EDIT, (context) => validateInExcel(context, { scope: { kind: scope }, ...(expectedUnits ? { expectedUnits } : {}) })),
  revalidate: (keys, expectedUnits) =>
    Excel.run(AFTER_CELL_EDIT, (context) =>
      validateInExcel(context, { scope: { kind: "sheets", keys }, ...(expectedUnits ? { expectedUnits } : {}) }),
    ),
  applyFixes: (fixes) => Excel.run((context) => applyFixesInExcel(context, fixes)),
  select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
  watch: (onSettled) => watchSheetChanges(onSettled),
};

export interface ValidateTaskProps {
  messages: Messages;
  /** False outside Excel: the buttons stay disabled. */
  canValidate: boolean;
  api: ValidateApi;
  /** The unit list and code last used in this workbook, to check the units against. */
  initial?: Partial<RememberedInsert>;
}

type Busy = "none" | "checking" | "fixing";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** The result of checking some sheets again, folded into the result shown. */
export function mergeValidation(current: ExcelValidation, fresh: ExcelValidation): ExcelValidation {
  const redone = new Set(fresh.checked.map((c) => c.name));
  const checked = [...current.checked.filter((c) => !fresh.checked.some((f) => f.id === c.id)), ...fresh.checked];
  // Sheets keep the place they had; sheets checked for the first time come after them.
  const order = new Map<string, number>();
  for (const c of [...current.checked, ...fresh.checked]) if (!order.has(c.name)) order.set(c.name, order.size);
  const at = (name: string): number => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  const sheets = [...current.report.sheets.filter((s) => !redone.has(s.sheet)), ...fresh.report.sheets].sort((a, b) => at(a.sheet) - at(b.sheet));
  const keep = (names: string[], again: string[]): string[] => [...names.filter((n) => !redone.has(n)), ...again];
  return {
    ...current,
    checked,
    report: { sheets, issues: sheets.length > 0 ? [] : current.report.issues },
    fixes: [...current.fixes.filter((f) => !redone.has(f.sheet)), ...fresh.fixes],
    unmarkable: keep(current.unmarkable, fresh.unmarkable),
    truncated: keep(current.truncated, fresh.truncated),
  };
}

function FailureBar({ messages, failure }: { messages: Messages; failure: InsertErrorView }) {
  const m = messages.ui.validate.errors;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {m[failure.key]}
        {failure.code && (
          <>
            {" "}
            <Text font="monospace">{m.code(failure.code)}</Text>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the change handler must see at the time it runs, not when it was registered. */
interface Latest {
  result?: ExcelValidation;
  expected?: UnitRef[];
  /** Bumped by every check and fix the user starts; a re-check begun before one is dropped. */
  generation: number;
}

/**
 * Re-checks the sheets the user edits while a result is shown, for as long as the pane is open:
 * the handler is registered once there is a result and removed when the pane goes away.
 */
function useChangeWatch(api: ValidateApi, active: boolean, latest: { current: Latest }, onFresh: (merged: ExcelValidation) => void) {
  const deliver = useRef(onFresh);
  useEffect(() => {
    deliver.current = onFresh;
  }, [onFresh]);
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let watch: ChangeWatch | undefined;
    const onSettled = async (ids: string[]) => {
      const { result: shown, expected, generation } = latest.current;
      if (!shown) return;
      const known = new Set(shown.checked.map((c) => c.id));
      const keys = shown.scope === "all" ? ids : ids.filter((id) => known.has(id));
      if (keys.length === 0) return;
      const fresh = await api.revalidate(keys, expected);
      const now = latest.current;
      if (stopped || generation !== now.generation || !now.result) return;
      deliver.current(mergeValidation(now.result, fresh));
    };
    api
      .watch(onSettled)
      .then((w) => {
        if (stopped) void w.stop();
        else watch = w;
      })
      // Without the event (an old Excel), checking stays a button press away.
      .catch((error: unknown) => console.error(error));
    return () => {
      stopped = true;
      void watch?.stop().catch(() => undefined);
    };
  }, [api, active, latest]);
}

/** The result shown, the fixes ticked in it and the groups open. */
function useResult() {
  const [result, setResult] = useState<ExcelValidation | undefined>();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<GroupKey[]>([]);
  const show = useCallback((fresh: ExcelValidation, reopen: boolean) => {
    setResult(fresh);
    setTicked((t) => stillFixable(t, fresh));
    if (reopen) setOpen(initiallyOpen(groupsOf(fresh)));
  }, []);
  const tick = (key: string, on: boolean) =>
    setTicked((t) => withTick(t, key, on));
  const tickAll = (on: boolean) => setTicked(on && result ? new Set(result.fixes.map(fixKey)) : new Set());
  return { result, ticked, open, setOpen, show, tick, tickAll };
}

interface CheckBarProps {
  m: Messages["ui"]["validate"];
  disabled: boolean;
  checking: boolean;
  canValidate: boolean;
  onCheck: (scope: ValidateRequest["scope"]) => void;
}

function CheckBar({ m, disabled, checking, canValidate, onCheck }: CheckBarProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => onCheck("active")}>
          {m.checkActive}
        </Button>
        <Button disabled={disabled} onClick={() => onCheck("all")}>
          {m.checkAll}
        </Button>
        {checking && <Spinner size="tiny" label={m.checking} />}
      </div>
      <Text size={200}>{canValidate ? m.howMarked : m.onlyInExcel}</Text>
    </>
  );
}

interface NoticesProps {
  messages: Messages;
  listBlocked: boolean;
  failure?: InsertErrorView;
  result?: ExcelValidation;
  fixedCount?: number;
}

function Notices({ messages, listBlocked, failure, result, fixedCount }: NoticesProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  return (
    <div aria-live="polite" className={styles.stack}>
      {listBlocked && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{m.listNotUsable}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <FailureBar messages={messages} failure={failure} />}
      {result && <Summary messages={messages} result={result} />}
      {fixedCount !== undefined && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{m.fixed(fixedCount)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/**
 * The "Kiểm tra" task: checks the open sheet or every sheet, lists the problems by kind, selects
 * a problem's cell on click, applies the ticked certain corrections, and checks edited sheets
 * again while the pane is open.
 */
export function ValidateTask({ messages, canValidate, api, initial = {} }: ValidateTaskProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  const { list, pick, remove } = useUnitList(initial.list);
  const [code, setCode] = useState(initial.list ? (initial.unitCode ?? "") : "");
  const [busy, setBusy] = useState<Busy>("none");
  const [failure, setFailure] = useState<InsertErrorView | undefined>();
  const [fixedCount, setFixedCount] = useState<number | undefined>();
  const [listBlocked, setListBlocked] = useState(false);
  const { result, ticked, open, setOpen, show, tick, tickAll } = useResult();

  const view = useMemo(() => (list.kind === "picked" ? expectedView(list.list, code, messages) : undefined), [list, code, messages]);
  const expected = view?.units;
  const latest = useRef<Latest>({ generation: 0 });
  useEffect(() => {
    latest.current = { ...latest.current, result, expected };
  }, [result, expected]);
  const onWatched = useCallback((merged: ExcelValidation) => show(merged, false), [show]);
  useChangeWatch(api, canValidate && result !== undefined, latest, onWatched);

  /** Runs one user action; a failure is shown in plain words, its details kept in the console. */
  const run = async (kind: Busy, action: (generation: number) => Promise<void>) => {
    setBusy(kind);
    setFailure(undefined);
    setFixedCount(undefined);
    try {
      await action(++latest.current.generation);
    } catch (error) {
      console.error(error);
      setFailure(insertErrorView(error));
    } finally {
      setBusy("none");
    }
  };
  const current = (generation: number) => generation === latest.current.generation;

  const check = (scope: ValidateRequest["scope"]) => {
    const blocked = list.kind !== "none" && !expected;
    setListBlocked(blocked);
    if (blocked) return;
    void run("checking", async (generation) => {
      const fresh = await api.validate({ scope, ...(expected ? { expectedUnits: expected } : {}) });
      if (current(generation)) show(fresh, true);
    });
  };

  const applyFixes = () => {
    const shown = result;
    const chosen = shown?.fixes.filter((f) => ticked.has(fixKey(f))) ?? [];
    if (!shown || chosen.length === 0) return;
    void run("fixing", async (generation) => {
      const count = await api.applyFixes(chosen);
      const fresh = await api.revalidate([...new Set(chosen.map((f) => f.sheet))], expected);
      if (!current(generation)) return;
      show(mergeValidation(shown, fresh), false);
      setFixedCount(count);
    });
  };

  const select = (sheet: string, cell: string) => void api.select(sheet, cell).catch((error: unknown) => setFailure(insertErrorView(error)));

  const working = busy !== "none";
  return (
    <div className={styles.stack}>
      <ExpectedUnitsField messages={messages} state={list} view={view} code={code} onCode={setCode} onPick={(file) => void pick(file)} onRemove={remove} />
      <CheckBar m={m} disabled={!canValidate || working} checking={busy === "checking"} canValidate={canValidate} onCheck={check} />
      <Notices messages={messages} listBlocked={listBlocked} failure={failure} result={result} fixedCount={fixedCount} />
      {result && result.fixes.length > 0 && (
        <FixBar
          m={m}
          fixable={result.fixes.length}
          ticked={ticked.size}
          disabled={!canValidate || working}
          applyLabel={m.applyFixes(ticked.size)}
          {...(busy === "fixing" ? { busyLabel: m.fixing } : {})}
          onTickAll={tickAll}
          onApply={applyFixes}
        />
      )}
      {result && <Results messages={messages} result={result} ticked={ticked} open={open} onToggle={setOpen} onSelect={select} onTick={tick} />}
      {result && canValidate && <Text size={200}>{m.watching}</Text>}
    </div>
  );
}
