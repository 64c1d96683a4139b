import { useId, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  FieldContextProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  SpinButton,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { SpinButtonChangeEvent, SpinButtonOnChangeData } from "@fluentui/react-components";
import { FORM_IDS } from "../domain";
import type { FormId, Level, Messages, SheetPlan, Tiers } from "../domain";
import { defaultPeriod, insertPlans, isValidYear, listView, MAX_YEAR, MIN_YEAR, tiersFor } from "./insert-plans";
import type { InsertProblem, ListView } from "./insert-plans";
import { UnitListPicker } from "./UnitListPicker";
import type { ListState } from "./UnitListPicker";
import { taskFailure } from "./file-errors";
import { listToRemember, useUnitList } from "./unit-list-state";
import type { Target, TaskFailure } from "./file-errors";
import type { RememberedInsert } from "./remembered";

/** Puts the plans somewhere: into the open workbook, or into a downloaded file (then named in `file`). */
export type InsertFn = (plans: SheetPlan[]) => Promise<{ sheets: string[]; file?: string }>;

export interface InsertTaskProps {
  messages: Messages;
  /** False where the forms can go nowhere: the form can be filled in, but the button stays disabled. */
  canInsert: boolean;
  insert: InsertFn;
  /** Where the forms go: into the open workbook (Excel), or into a downloaded .xlsx (the standalone page). */
  target?: Target;
  /** Values remembered from the last insert in this workbook. */
  initial?: Partial<RememberedInsert>;
  onInserted?: (values: RememberedInsert) => void;
  /** Today's date, for the default report year. */
  today?: Date;
}

interface Draft {
  forms: FormId[];
  level: Level;
  tiers: Tiers;
  unitName: string;
  unitCode: string;
  year: number | null;
  period: string;
  /** Until the user types a period, it follows the year ("Năm <year>"). */
  periodEdited: boolean;
}

type Outcome =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; sheets: string[]; file?: string }
  | { kind: "invalid"; problem: InsertProblem }
  | TaskFailure;

const LEVELS: Level[] = ["xa", "huyen", "tinh"];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column" },
  indent: { paddingLeft: tokens.spacingHorizontalL },
  // flex-start: the period's hint must not stretch the year box beside it.
  twoColumns: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
  },
  year: { flexGrow: 1, flexBasis: "96px", minWidth: "96px" },
  period: { flexGrow: 3, flexBasis: "150px", minWidth: "150px" },
  // An <input> is as wide as its default size (about 20 characters) unless told otherwise,
  // which pushes a narrow pane into horizontal scrolling.
  fill: { width: "100%", minWidth: 0 },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  sheetList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function FormsField({ m, forms, onChange }: { m: Messages["ui"]["insert"]; forms: FormId[]; onChange: (forms: FormId[]) => void }) {
  const styles = useStyles();
  const labelId = useId();
  const all = forms.length === FORM_IDS.length;
  const toggle = (id: FormId, on: boolean) => onChange(FORM_IDS.filter((f) => (f === id ? on : forms.includes(f))));
  return (
    <Field label={{ id: labelId, children: m.forms }}>
      {/* Without this every checkbox would take the Field's one control id, and its label the first box. */}
      <FieldContextProvider value={undefined}>
        <div role="group" aria-labelledby={labelId} className={styles.group}>
          <Checkbox
            label={m.allForms}
            checked={all ? true : forms.length > 0 ? "mixed" : false}
            onChange={(_, data) => onChange(data.checked === true ? [...FORM_IDS] : [])}
          />
          <div className={styles.indent + " " + styles.group}>
            {FORM_IDS.map((id) => (
              <Checkbox
                key={id}
                label={m.formNames[id]}
                checked={forms.includes(id)}
                onChange={(_, data) => toggle(id, data.checked === true)}
              />
            ))}
          </div>
        </div>
      </FieldContextProvider>
    </Field>
  );
}

interface LevelProps {
  m: Messages["ui"]["insert"];
  level: Level;
  tiers: Tiers;
  onLevel: (level: Level) => void;
  onTiers: (tiers: Tiers) => void;
}

function LevelFields({ m, level, tiers, onLevel, onTiers }: LevelProps) {
  const shown = tiersFor(level, tiers);
  return (
    <>
      <Field label={m.level}>
        <RadioGroup value={level} onChange={(_, data) => onLevel(data.value as Level)}>
          {LEVELS.map((l) => (
            <Radio key={l} value={l} label={m.levels[l]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={m.tiers} hint={level === "huyen" ? m.districtNeedsThreeTiers : undefined}>
        <RadioGroup value={String(shown)} onChange={(_, data) => onTiers(data.value === "2" ? 2 : 3)}>
          <Radio value="2" label={m.tierOptions[2]} disabled={level === "huyen"} />
          <Radio value="3" label={m.tierOptions[3]} />
        </RadioGroup>
      </Field>
    </>
  );
}

/** The year as typed: a four-digit number, or null while it is anything else. */
function yearFrom(data: SpinButtonOnChangeData): number | null {
  if (data.value !== undefined) return data.value;
  const text = (data.displayValue ?? "").trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

interface PeriodProps {
  m: Messages["ui"]["insert"];
  year: number | null;
  period: string;
  onYear: (year: number | null) => void;
  onPeriod: (period: string) => void;
}

function PeriodFields({ m, year, period, onYear, onPeriod }: PeriodProps) {
  const styles = useStyles();
  return (
    <div className={styles.twoColumns}>
      <Field label={m.year} className={styles.year} validationMessage={isValidYear(year) ? undefined : m.yearInvalid}>
        <SpinButton
          className={styles.fill}
          value={year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          onChange={(_: SpinButtonChangeEvent, data: SpinButtonOnChangeData) => onYear(yearFrom(data))}
        />
      </Field>
      <Field label={m.period} hint={m.periodHint} className={styles.period}>
        <Input className={styles.fill} value={period} onChange={(_, data) => onPeriod(data.value)} />
      </Field>
    </div>
  );
}

function UnitListField({ messages, state, view, onPick, onRemove }: { messages: Messages; state: ListState; view?: ListView; onPick: (file: File) => void; onRemove: () => void }) {
  const m = messages.ui.list;
  const message =
    state.kind === "reading"
      ? m.reading
      : view
        ? [view.text, view.state === "success" ? view.unit : undefined].filter(Boolean).join(" ")
        : m.hint;
  return <UnitListPicker label={m.label} messages={messages} state={state} view={view} message={message} onPick={onPick} onRemove={onRemove} />;
}

function OutcomeBar({ messages, outcome }: { messages: Messages; outcome: Outcome }) {
  const styles = useStyles();
  const m = messages.ui;
  if (outcome.kind === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.file ? m.files.insert.downloaded(outcome.file, outcome.sheets.length) : m.insert.inserted(outcome.sheets.length)}</MessageBarTitle>
          <ul className={styles.sheetList}>
            {outcome.sheets.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {outcome.file && m.files.insert.openHint}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "file-failed") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{m.files.errors[outcome.key]}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind !== "invalid" && outcome.kind !== "failed") return null;
  const text =
    outcome.kind === "invalid"
      ? { "no-form": m.insert.noForm, "bad-year": m.insert.yearInvalid, "unit-list": m.insert.listNotUsable }[outcome.problem]
      : m.errors[outcome.view.key];
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {text}
        {outcome.kind === "failed" && outcome.view.code && (
          <>
            {" "}
            <Text font="monospace">{m.errors.code(outcome.view.code)}</Text>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The button's words: write into the workbook, or make a file to download. */
function buttonWords(messages: Messages, target: Target): { submit: string; busy: string } {
  const f = messages.ui.files.insert;
  return target === "file" ? { submit: f.submit, busy: f.preparing } : { submit: messages.ui.insert.submit, busy: messages.ui.insert.inserting };
}

function initialDraft(initial: Partial<RememberedInsert>, today: Date): Draft {
  const year = today.getFullYear();
  const level = initial.level ?? "huyen";
  return {
    forms: [],
    level,
    tiers: tiersFor(level, initial.tiers ?? (level === "huyen" ? 3 : 2)),
    unitName: initial.unitName ?? "",
    unitCode: initial.unitCode ?? "",
    year,
    period: initial.period ?? defaultPeriod(year),
    periodEdited: initial.period !== undefined,
  };
}

/**
 * The "Chèn biểu mẫu" task: choose forms and the reporting unit, then insert one sheet per form
 * into the open workbook, or (on the standalone page) download them as one .xlsx.
 */
export function InsertTask({ messages, canInsert, insert, target = "excel", initial = {}, onInserted, today = new Date() }: InsertTaskProps) {
  const styles = useStyles();
  const m = messages.ui.insert;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(initial, today));
  const { list, pick, remove: removeList } = useUnitList(initial.list);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const period = draft.periodEdited || draft.year === null ? draft.period : defaultPeriod(draft.year);
  const picked = list.kind === "picked" ? list.list : undefined;
  const view = useMemo(() => (picked ? listView(picked, draft, messages) : undefined), [picked, draft, messages]);

  const submit = async () => {
    const table = picked && "table" in picked ? picked.table : undefined;
    if (picked && !table) return setOutcome({ kind: "invalid", problem: "unit-list" });
    const result = insertPlans({ ...draft, period, ...(table ? { table } : {}) });
    if (!result.ok) return setOutcome({ kind: "invalid", problem: result.problem });
    setOutcome({ kind: "running" });
    try {
      const { sheets, file } = await insert(result.plans);
      setOutcome({ kind: "done", sheets, file });
      onInserted?.({
        level: draft.level,
        tiers: tiersFor(draft.level, draft.tiers),
        unitName: draft.unitName,
        unitCode: draft.unitCode,
        period,
        list: listToRemember(picked, draft.unitCode),
      });
    } catch (error) {
      // Kept for support in the browser console; the user sees what to do instead.
      console.error(error);
      setOutcome(taskFailure(target, error));
    }
  };

  const running = outcome.kind === "running";
  const words = buttonWords(messages, target);
  return (
    // Not a <form>: Enter in a text box (or after typing the year) must not insert sheets.
    <div className={styles.form}>
      <FormsField m={m} forms={draft.forms} onChange={(forms) => set({ forms })} />
      <LevelFields m={m} level={draft.level} tiers={draft.tiers} onLevel={(level) => set({ level })} onTiers={(tiers) => set({ tiers })} />
      <Field label={m.unitName} hint={m.unitNameHint}>
        <Input value={draft.unitName} placeholder={m.unitNamePlaceholder} onChange={(_, data) => set({ unitName: data.value })} />
      </Field>
      <Field label={m.unitCode} hint={m.unitCodeHint}>
        <Input value={draft.unitCode} inputMode="numeric" onChange={(_, data) => set({ unitCode: data.value })} />
      </Field>
      <PeriodFields
        m={m}
        year={draft.year}
        period={period}
        onYear={(year) => set({ year })}
        onPeriod={(p) => set({ period: p, periodEdited: true })}
      />
      <UnitListField messages={messages} state={list} view={view} onPick={(file) => void pick(file)} onRemove={removeList} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canInsert || running} onClick={() => void submit()}>
          {words.submit}
        </Button>
        {running && <Spinner size="tiny" label={words.busy} />}
      </div>
      {!canInsert && <Text size={200}>{m.onlyInExcel}</Text>}
      <div aria-live="polite">
        <OutcomeBar messages={messages} outcome={outcome} />
      </div>
    </div>
  );
}
