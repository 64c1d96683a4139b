import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { AccordionToggleData, AccordionToggleEvent } from "@fluentui/react-components";
import type { Messages, UnitRef } from "../domain";
import { formatNumber } from "../domain/validate";
import type { CellFix, Issue } from "../domain/validate";
import { expectedCommunes } from "../domain/units/unit-table";
import { applyFixesInExcel, countIssues, selectCell, validateInExcel } from "../excel";
import type { ExcelValidation } from "../excel";
import { watchSheetChanges } from "./change-watch";
import { UnitListPicker } from "./UnitListPicker";
import type { ListState } from "./UnitListPicker";
import type { ChangeWatch } from "./change-watch";
import { readPickedList } from "./InsertTask";
import type { PickedList } from "./insert-plans";
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
}


type Busy = "none" | "checking" | "fixing";


/** Problem kinds in the order they are listed: what to type differently first, then totals and structure. */
const GROUPS = ["value.machine", "value.mark", "value.count", "value.money", "cell", "rule", "row", "units", "structure", "file", "other"] as const;
type GroupKey = (typeof GROUPS)[number];

/** Issues shown per group; the rest are counted. Thousands of rows would make the pane crawl. */
const SHOWN_PER_GROUP = 100;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  fill: { width: "100%", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  issue: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // A long Vietnamese message must wrap inside a 320 px pane, not stretch the button.
  issueButton: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    minWidth: 0,
    width: "100%",
    whiteSpace: "normal",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  issueText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  fixBox: { paddingLeft: tokens.spacingHorizontalS },
});

function groupOf(code: string): GroupKey {
  const [head, kind] = code.split(".");
  const key = head === "value" ? `value.${kind}` : head;
  return (GROUPS as readonly string[]).includes(key) ? (key as GroupKey) : "other";
}

const fixKey = (sheet: string, cell: string, code: string): string => `${sheet}\u0000${cell}\u0000${code}`;

interface Item {
  key: string;
  sheet: string;
  issue: Issue;
  fix?: CellFix;
}

interface Group {
  key: GroupKey;
  items: Item[];
  errors: number;
  warnings: number;
}

function groupsOf(result: ExcelValidation): Group[] {
  const fixes = new Map(result.fixes.map((f) => [fixKey(f.sheet, f.cell, f.code), f] as const));
  const byKey = new Map<GroupKey, Item[]>();
  const fileItems = result.report.sheets.length > 0 ? result.report.issues : [];
  const all = [...fileItems.map((issue) => ({ sheet: "", issue })), ...result.report.sheets.flatMap((s) => s.issues.map((issue) => ({ sheet: s.sheet, issue })))];
  all.forEach(({ sheet, issue }, i) => {
    const fix = issue.cell ? fixes.get(fixKey(sheet, issue.cell, issue.code)) : undefined;
    const group = groupOf(issue.code);
    const items = byKey.get(group) ?? [];
    items.push({ key: `${i}`, sheet, issue, ...(fix ? { fix } : {}) });
    byKey.set(group, items);
  });
  return GROUPS.filter((g) => byKey.has(g)).map((key) => {
    const items = byKey.get(key) as Item[];
    return {
      key,
      items,
      errors: items.filter((i) => i.issue.severity === "error").length,
      warnings: items.filter((i) => i.issue.severity === "warning").length,
    };
  });
}

/** Groups opened after a check: those with errors, or every group when the list is short. */
function initiallyOpen(groups: Group[]): GroupKey[] {
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  return groups.filter((g) => total <= 30 || g.errors > 0).map((g) => g.key);
}

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

/** The ticked fixes that the new result still offers. */
function stillFixable(ticked: Set<string>, result: ExcelValidation): Set<string> {
  const keys = new Set(result.fixes.map((f) => fixKey(f.sheet, f.cell, f.code)));
  return new Set([...ticked].filter((k) => keys.has(k)));
}

type ListView = { state: "error" | "success"; text: string; units?: UnitRef[] };

/** What the list field says, and the units to expect when the list is usable. */
function listViewOf(list: PickedList, code: string, messages: Messages): ListView {
  const m = messages.ui.list;
  const file = list.fileName;
  if ("problem" in list) {
    if (list.problem === "unreadable") return { state: "error", text: m.unreadableUnknown(file) };
    if (list.problem === "empty") return { state: "error", text: m.empty(file) };
    return { state: "error", text: m.unreadable(file, messages.cli.tableProblems[list.problem]) };
  }
  const wanted = code.trim();
  const expected = expectedCommunes(list.table, wanted || undefined);
  if (expected.ok) {
    return { state: "success", text: messages.ui.validate.listFound(file, expected.communes.length, expected.unit?.name ?? ""), units: expected.communes };
  }
  switch (expected.problem) {
    case "needs-code":
      return { state: "error", text: m.needsCode(file, m.unitKinds[expected.expected]) };
    case "no-match":
      return { state: "error", text: m.noMatch(file, expected.code) };
    case "wrong-tiers":
      return { state: "error", text: m.wrongTiers(file, expected.table) };
    default:
      return { state: "error", text: m.empty(file) };
  }
}

interface ListFieldProps {
  messages: Messages;
  state: ListState;
  view?: ListView;
  code: string;
  onCode: (code: string) => void;
  onPick: (file: File) => void;
  onRemove: () => void;
}

function UnitListField({ messages, state, view, code, onCode, onPick, onRemove }: ListFieldProps) {
  const styles = useStyles();
  const m = messages.ui;
  const catalogue = state.kind === "picked" && "table" in state.list && state.list.table.layout !== "names";
  const message = state.kind === "reading" ? m.list.reading : (view?.text ?? m.validate.listHint);
  return (
    <>
      <UnitListPicker label={m.validate.listLabel} messages={messages} state={state} view={view} message={message} onPick={onPick} onRemove={onRemove} />
      {catalogue && (
        <Field label={m.validate.unitCode} hint={m.validate.unitCodeHint}>
          <Input className={styles.fill} value={code} inputMode="numeric" onChange={(_, data) => onCode(data.value)} />
        </Field>
      )}
    </>
  );
}

interface IssueRowProps {
  item: Item;
  m: Messages["ui"]["validate"];
  manySheets: boolean;
  ticked: boolean;
  onSelect: (sheet: string, cell: string) => void;
  onTick: (key: string, on: boolean) => void;
}

function IssueRow({ item, m, manySheets, ticked, onSelect, onTick }: IssueRowProps) {
  const styles = useStyles();
  const { issue, sheet, fix } = item;
  const where = issue.cell ? (manySheets ? `${sheet}!${issue.cell}` : issue.cell) : sheet;
  const severity = <span className={issue.severity === "error" ? styles.error : styles.warning}>{m.severity[issue.severity]}</span>;
  const body = (
    <span className={styles.issueText}>
      <span>
        {severity}
        {where ? ` · ${where}` : ""}
      </span>
      <span>{issue.message}</span>
    </span>
  );
  return (
    <li className={styles.issue}>
      {issue.cell ? (
        <Button appearance="subtle" className={styles.issueButton} title={m.goTo(where)} onClick={() => onSelect(sheet, issue.cell as string)}>
          {body}
        </Button>
      ) : (
        <Text>{body}</Text>
      )}
      {fix && (
        <Checkbox
          className={styles.fixBox}
          label={m.fixTo(where, typeof fix.value === "number" ? formatNumber(fix.value) : fix.value)}
          checked={ticked}
          onChange={(_, data) => onTick(fixKey(fix.sheet, fix.cell, fix.code), data.checked === true)}
        />
      )}
    </li>
  );
}

interface ResultsProps {
  messages: Messages;
  result: ExcelValidation;
  ticked: Set<string>;
  open: GroupKey[];
  onToggle: (open: GroupKey[]) => void;
  onSelect: (sheet: string, cell: string) => void;
  onTick: (key: string, on: boolean) => void;
}

function Results({ messages, result, ticked, open, onToggle, onSelect, onTick }: ResultsProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  const groups = useMemo(() => groupsOf(result), [result]);
  const manySheets = result.report.sheets.length > 1;
  if (groups.length === 0) return null;
  return (
    <section aria-label={m.groupsLabel}>
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_: AccordionToggleEvent, data: AccordionToggleData<GroupKey>) => onToggle(data.openItems)}
      >
        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader>
              {m.groups[g.key]} ({m.groupCount(g.errors, g.warnings)})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {g.items.slice(0, SHOWN_PER_GROUP).map((item) => (
                  <IssueRow
                    key={item.key}
                    item={item}
                    m={m}
                    manySheets={manySheets}
                    ticked={item.fix ? ticked.has(fixKey(item.fix.sheet, item.fix.cell, item.fix.code)) : false}
                    onSelect={onSelect}
                    onTick={onTick}
                  />
                ))}
              </ul>
              {g.items.length > SHOWN_PER_GROUP && <Text size={200}>{m.more(g.items.length - SHOWN_PER_GROUP)}</Text>}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

function Summary({ messages, result }: { messages: Messages; result: ExcelValidation }) {
  const m = messages.ui.validate;
  const sheets = result.report.sheets;
  const bars: { intent: "success" | "warning" | "error" | "info"; text: string }[] = [];
  if (sheets.length === 0) {
    bars.push({ intent: "warning", text: result.scope === "active" ? m.activeNotForm : m.noForm });
  } else {
    const { errors, warnings } = countIssues(sheets);
    if (errors + warnings === 0) bars.push({ intent: "success", text: m.clean(sheets.length) });
    else bars.push({ intent: errors > 0 ? "error" : "warning", text: m.summary(errors, warnings, sheets.length) });
  }
  if (result.unmarkable.length > 0) bars.push({ intent: "info", text: m.unmarkable(result.unmarkable.join(", ")) });
  if (result.truncated.length > 0) bars.push({ intent: "warning", text: m.truncated(result.truncated.join(", ")) });
  return (
    <>
      {bars.map((b) => (
        <MessageBar key={b.text} intent={b.intent} layout="multiline">
          <MessageBarBody>{b.text}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
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

/** Reads a picked unit list; a later pick, or Bỏ danh sách, while reading wins. */
function useUnitList() {
  const [list, setList] = useState<ListState>({ kind: "none" });
  const seq = useRef(0);
  const pick = async (file: File) => {
    const mine = ++seq.current;
    setList({ kind: "reading", fileName: file.name });
    const read = await readPickedList(file);
    if (mine === seq.current) setList({ kind: "picked", list: read });
  };
  const remove = () => {
    seq.current++;
    setList({ kind: "none" });
  };
  return { list, pick, remove };
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
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const tickAll = (on: boolean) => setTicked(on && result ? new Set(result.fixes.map((f) => fixKey(f.sheet, f.cell, f.code))) : new Set());
  return { result, ticked, open, setOpen, show, tick, tickAll };
}

interface FixBarProps {
  m: Messages["ui"]["validate"];
  fixable: number;
  ticked: number;
  disabled: boolean;
  fixing: boolean;
  onTickAll: (on: boolean) => void;
  onApply: () => void;
}

function FixBar({ m, fixable, ticked, disabled, fixing, onTickAll, onApply }: FixBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Checkbox
        label={m.fixAll(fixable)}
        checked={ticked === fixable ? true : ticked > 0 ? "mixed" : false}
        onChange={(_, data) => onTickAll(data.checked === true)}
      />
      <Button appearance="primary" disabled={disabled || ticked === 0} onClick={onApply}>
        {m.applyFixes(ticked)}
      </Button>
      {fixing && <Spinner size="tiny" label={m.fixing} />}
    </div>
  );
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
export function ValidateTask({ messages, canValidate, api }: ValidateTaskProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  const { list, pick, remove } = useUnitList();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<Busy>("none");
  const [failure, setFailure] = useState<InsertErrorView | undefined>();
  const [fixedCount, setFixedCount] = useState<number | undefined>();
  const [listBlocked, setListBlocked] = useState(false);
  const { result, ticked, open, setOpen, show, tick, tickAll } = useResult();

  const view = useMemo(() => (list.kind === "picked" ? listViewOf(list.list, code, messages) : undefined), [list, code, messages]);
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
    const chosen = shown?.fixes.filter((f) => ticked.has(fixKey(f.sheet, f.cell, f.code))) ?? [];
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
      <UnitListField messages={messages} state={list} view={view} code={code} onCode={setCode} onPick={(file) => void pick(file)} onRemove={remove} />
      <CheckBar m={m} disabled={!canValidate || working} checking={busy === "checking"} canValidate={canValidate} onCheck={check} />
      <Notices messages={messages} listBlocked={listBlocked} failure={failure} result={result} fixedCount={fixedCount} />
      {result && result.fixes.length > 0 && (
        <FixBar
          m={m}
          fixable={result.fixes.length}
          ticked={ticked.size}
          disabled={!canValidate || working}
          fixing={busy === "fixing"}
          onTickAll={tickAll}
          onApply={applyFixes}
        />
      )}
      {result && <Results messages={messages} result={result} ticked={ticked} open={open} onToggle={setOpen} onSelect={select} onTick={tick} />}
      {result && canValidate && <Text size={200}>{m.watching}</Text>}
    </div>
  );
}
