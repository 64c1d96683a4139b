import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ChangeEvent, DragEvent } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Messages, Tiers } from "../domain";
import type { Conflict, Consolidation } from "../domain/consolidate";
import type { UnitTable } from "../domain/units/unit-table";
import type { FileLine } from "../files/summary-writer";
import type { InputProblem, PickedInput, ReadInputs } from "./consolidate-inputs";
import { measureSince } from "./timing";
import { UnitListPicker } from "./UnitListPicker";
import type { ListState } from "./UnitListPicker";
import { conflictKey, consolidateChosen, defaultParse, NEWEST, newestFile, requestFor, summaryLines, tiersOf } from "./consolidate-run";
import type { ConsolidateDraft, ParseFn, ParseJob } from "./consolidate-run";
import { listToRemember, useUnitList } from "./unit-list-state";
import { listView } from "./insert-plans";
import { taskFailure } from "./file-errors";
import type { Target, TaskFailure } from "./file-errors";
import type { RememberedInsert } from "./remembered";

/**
 * Writes the summary: into the workbook (writeSummaryInExcel in an Excel.run), or into a
 * downloaded file, then named in `file`.
 */
export type WriteSummaryFn = (result: Consolidation, lines: FileLine[]) => Promise<{ sheets: string[]; removed?: string[]; file?: string }>;

export interface ConsolidateTaskProps {
  messages: Messages;
  /** False outside Excel: files can be read and previewed, but nothing can be written. */
  canWrite: boolean;
  write: WriteSummaryFn;
  /** Where the summary goes: into the open workbook (Excel), or into a downloaded .xlsx (the standalone page). */
  target?: Target;
  /** How files are read; a worker by default. */
  parse?: ParseFn;
  /** Values remembered from the last insert or summary in this workbook. */
  initial?: Partial<RememberedInsert>;
  onWritten?: (values: RememberedInsert) => void;
  /** Today's date, for the year when no input names one. */
  today?: Date;
}


type Outcome =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; sheets: string[]; removed: string[]; file?: string }
  | { kind: "blocked" }
  | TaskFailure;

/** A file as picked, with the path it had inside a picked or dropped folder. */
interface Pick {
  file: File;
  path: string;
}

const EMPTY: ReadInputs = { records: [], lines: [], problems: [], stamps: [] };
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
const ACCEPT = ".xlsx,.xls,.ods";
/** Items listed per group in the preview; the lineage sheet lists them all. */
const SHOWN = 50;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  // Clicked from the visible buttons; kept in the layout (not display:none) because some webviews
  // refuse to open the picker of a hidden input.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
  fill: { width: "100%", minWidth: 0 },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  radio: { overflowWrap: "anywhere" },
});

/**
 * A picked file as the reader takes it: the File itself, which the worker loads, so the pane's
 * thread never holds the bytes of thousands of files. Its size and date are asked there too (see
 * PickedInput.size); one too large is then not loaded at all.
 */
const pickedInput = (pick: Pick, name: string): PickedInput => ({ name, bytes: pick.file });

/** Every file under a dropped folder, with its path. Drag and drop is an extra: any failure gives fewer files. */
async function filesOfEntry(entry: FileSystemEntry): Promise<Pick[]> {
  const path = entry.fullPath.replace(/^\//, "");
  if (entry.isFile) {
    return new Promise((resolve) => (entry as FileSystemFileEntry).file((file) => resolve([{ file, path }]), () => resolve([])));
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries gives at most about a hundred entries per call, and an empty batch at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map(filesOfEntry));
  return nested.flat().filter((p) => WORKBOOK.test(p.file.name));
}

async function droppedFiles(data: DataTransfer): Promise<Pick[]> {
  const items = Array.from(data.items ?? []).filter((i) => i.kind === "file");
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === "function" ? i.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) return (await Promise.all(entries.map((e) => filesOfEntry(e as FileSystemEntry)))).flat();
  return Array.from(data.files ?? [], (file) => ({ file, path: file.name }));
}

const sameFile = (a: File, b: File): boolean => a === b || (a.size === b.size && a.lastModified === b.lastModified);

/**
 * Whether a pick brings a file already read: the same path, size and date. Size and date are
 * asked only when the path was seen before, as asking thousands of Files costs seconds.
 */
function alreadyRead(seen: Map<string, File[]>, p: Pick): boolean {
  return seen.get(p.path)?.some((f) => sameFile(f, p.file)) ?? false;
}

/** A name not yet used among the files read: two picks may bring two different "xa-a.xlsx". */
function freeName(name: string, used: Set<string>): string {
  if (!used.has(name)) return name;
  for (let i = 2; ; i++) if (!used.has(`${name} (${i})`)) return `${name} (${i})`;
}

/** Reading picked files: progress, cancel, and the files read so far, kept across picks. */
function useInputs(parse: ParseFn) {
  const [inputs, setInputs] = useState<ReadInputs>(EMPTY);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [notice, setNotice] = useState<"cancelled" | "failed" | undefined>();
  const job = useRef<ParseJob | null>(null);
  const seen = useRef(new Map<string, File[]>());
  const names = useRef(new Set<string>());
  useEffect(() => () => job.current?.cancel(), []);

  const add = async (picks: Pick[]) => {
    const fresh = picks.filter((p) => !p.file.name.startsWith("~$") && !alreadyRead(seen.current, p));
    if (fresh.length === 0 || job.current) return;
    setNotice(undefined);
    setProgress({ done: 0, total: fresh.length });
    const used = new Set(names.current);
    const shown = fresh.map((p) => {
      const name = freeName(p.path || p.file.name, used);
      used.add(name);
      return name;
    });
    const files = fresh.map((p, i) => pickedInput(p, shown[i]));
    const running = parse(files, (done, total) => job.current === running && setProgress({ done, total }));
    job.current = running;
    let result: ReadInputs | null;
    try {
      result = await running.result;
    } catch (error) {
      // Kept for support in the browser console; the files read before stay.
      console.error(error);
      result = null;
      if (job.current === running) setNotice("failed");
    }
    // A cancel, or a later clear, already settled this batch.
    if (job.current !== running) return;
    job.current = null;
    setProgress(undefined);
    if (!result) return;
    for (const p of fresh) seen.current.set(p.path, [...(seen.current.get(p.path) ?? []), p.file]);
    shown.forEach((n) => names.current.add(n));
    setInputs((prev) => ({
      records: [...prev.records, ...result.records],
      lines: [...prev.lines, ...result.lines],
      problems: [...prev.problems, ...result.problems],
      stamps: [...prev.stamps, ...result.stamps],
    }));
  };
  const cancel = () => {
    job.current?.cancel();
    job.current = null;
    setProgress(undefined);
    setNotice("cancelled");
  };
  const clear = () => {
    seen.current.clear();
    names.current.clear();
    setInputs(EMPTY);
    setNotice(undefined);
  };
  return { inputs, progress, notice, add, cancel, clear };
}


interface LevelProps {
  messages: Messages;
  draft: ConsolidateDraft;
  onChange: (patch: Partial<ConsolidateDraft>) => void;
}

function LevelFields({ messages, draft, onChange }: LevelProps) {
  const m = messages.ui.insert;
  return (
    <>
      <Field label={messages.ui.consolidate.level}>
        <RadioGroup value={draft.level} onChange={(_, data) => onChange({ level: data.value === "tinh" ? "tinh" : "huyen" })}>
          <Radio value="huyen" label={m.levels.huyen} />
          <Radio value="tinh" label={m.levels.tinh} />
        </RadioGroup>
      </Field>
      <Field label={m.tiers} hint={draft.level === "huyen" ? m.districtNeedsThreeTiers : undefined}>
        <RadioGroup value={String(tiersOf(draft))} onChange={(_, data) => onChange({ tiers: data.value === "2" ? 2 : 3 })}>
          <Radio value="2" label={m.tierOptions[2]} disabled={draft.level === "huyen"} />
          <Radio value="3" label={m.tierOptions[3]} />
        </RadioGroup>
      </Field>
    </>
  );
}

interface ListFieldProps {
  messages: Messages;
  state: ListState;
  draft: ConsolidateDraft;
  onPick: (file: File) => void;
  onRemove: () => void;
}

function UnitListField({ messages, state, draft, onPick, onRemove }: ListFieldProps) {
  const m = messages.ui.list;
  const view = state.kind === "picked" ? listView(state.list, { level: draft.level, tiers: tiersOf(draft), unitCode: draft.unitCode }, messages) : undefined;
  const message =
    state.kind === "reading" ? m.reading : view ? [view.text, view.state === "success" ? view.unit : undefined].filter(Boolean).join(" ") : messages.ui.consolidate.listHint;
  return <UnitListPicker label={m.label} messages={messages} state={state} view={view} message={message} onPick={onPick} onRemove={onRemove} />;
}

/** True where the webview's file input can pick a whole folder (Chromium, WebKit; not every Mac build). */
function folderPickSupported(): boolean {
  return typeof document !== "undefined" && "webkitdirectory" in document.createElement("input");
}

interface InputsFieldProps {
  messages: Messages;
  count: number;
  busy: boolean;
  onAdd: (picks: Pick[]) => void;
  onClear: () => void;
}

function InputsField({ messages, count, busy, onAdd, onClear }: InputsFieldProps) {
  const styles = useStyles();
  const m = messages.ui.consolidate;
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const canPickFolder = useMemo(folderPickSupported, []);
  const picked = (event: ChangeEvent<HTMLInputElement>, fromFolder: boolean) => {
    const list = Array.from(event.target.files ?? []);
    event.target.value = "";
    // A folder brings whatever it holds; only workbooks are read from it.
    const picks = list.map((file) => ({ file, path: file.webkitRelativePath || file.name })).filter((p) => !fromFolder || WORKBOOK.test(p.file.name));
    onAdd(picks);
  };
  const dragOver = (event: DragEvent<HTMLDivElement>) => {
    if (busy) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (busy) return;
    void droppedFiles(event.dataTransfer).then(onAdd);
  };
  return (
    <Field label={m.inputs} hint={count > 0 ? m.filesRead(count) : m.inputsHint}>
      <div
        role="group"
        aria-label={m.dropLabel}
        className={over ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={dragOver}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <div className={styles.row}>
          <Button onClick={() => files.current?.click()} disabled={busy}>
            {m.chooseFiles}
          </Button>
          {canPickFolder && (
            <Button onClick={() => folder.current?.click()} disabled={busy}>
              {m.chooseFolder}
            </Button>
          )}
          {count > 0 && (
            <Button appearance="subtle" onClick={onClear} disabled={busy}>
              {m.clear}
            </Button>
          )}
        </div>
        <Text size={200}>{m.dropZone}</Text>
        <input ref={files} type="file" multiple accept={ACCEPT} className={styles.hiddenInput} tabIndex={-1} aria-hidden="true" onChange={(e) => picked(e, false)} />
        {canPickFolder && (
          <input
            ref={folder}
            type="file"
            {...{ webkitdirectory: "", directory: "" }}
            className={styles.hiddenInput}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => picked(e, true)}
          />
        )}
      </div>
    </Field>
  );
}

function ProgressRow({ m, done, total, onCancel }: { m: Messages["ui"]["consolidate"]; done: number; total: number; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={m.progressLabel} validationMessage={m.progress(done, total)} validationState="none" className={styles.fill}>
        <ProgressBar value={done} max={Math.max(total, 1)} />
      </Field>
      <Button onClick={onCancel}>{m.cancel}</Button>
    </div>
  );
}

function Listed({ title, items, more }: { title: string; items: string[]; more: (n: number) => string }) {
  const styles = useStyles();
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div className={styles.group}>
      <Text weight="semibold" id={id}>
        {title}
      </Text>
      <ul className={styles.list} aria-labelledby={id}>
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {items.length > SHOWN && <Text size={200}>{more(items.length - SHOWN)}</Text>}
    </div>
  );
}

interface ConflictsProps {
  messages: Messages;
  conflicts: Conflict[];
  choices: Record<string, string>;
  newestWins: boolean;
  onChoose: (key: string, file: string) => void;
  onNewestWins: (on: boolean) => void;
}

function Conflicts({ messages, conflicts, choices, newestWins, onChoose, onNewestWins }: ConflictsProps) {
  const styles = useStyles();
  const m = messages.ui.consolidate;
  if (conflicts.length === 0) return null;
  return (
    <div className={styles.group}>
      <Text weight="semibold">{m.conflictsTitle(conflicts.length)}</Text>
      <Checkbox label={m.newestAll} checked={newestWins} onChange={(_, data) => onNewestWins(data.checked === true)} />
      {conflicts.slice(0, SHOWN).map((c) => {
        const key = conflictKey(c);
        const value = choices[key] ?? (newestWins ? NEWEST : "");
        const differing = c.differing.map((d) => `(${d.column}): ${d.values.map((v) => v ?? "—").join(" / ")}`).join("; ");
        return (
          <Field
            key={key}
            label={m.conflictLabel(c.unit, messages.ui.insert.formNames[c.form])}
            hint={differing ? m.differing(differing) : undefined}
            validationState={c.kept ? "success" : "warning"}
            validationMessage={c.kept ? undefined : m.notCounted}
          >
            <RadioGroup value={value} onChange={(_, data) => onChoose(key, data.value)}>
              {c.files.map((f) => (
                <Radio key={f.file} value={f.file} className={styles.radio} label={f.modified ? m.modifiedAt(f.file, f.modified.replace("T", " ").slice(0, 16)) : f.file} />
              ))}
              <Radio value={NEWEST} label={m.newest(newestFile(c))} />
            </RadioGroup>
          </Field>
        );
      })}
      {conflicts.length > SHOWN && <Text size={200}>{m.more(conflicts.length - SHOWN)}</Text>}
    </div>
  );
}

interface PreviewProps {
  messages: Messages;
  result?: Consolidation;
  lines: FileLine[];
  problems: (InputProblem | undefined)[];
  draft: ConsolidateDraft;
  choices: Record<string, string>;
  onDraft: (patch: Partial<ConsolidateDraft>) => void;
  onChoose: (key: string, file: string) => void;
}

function Preview({ messages, result, lines, problems, draft, choices, onDraft, onChoose }: PreviewProps) {
  const styles = useStyles();
  const m = messages.ui.consolidate;
  const titleId = useId();
  const withStatus = (status: FileLine["status"]) => lines.flatMap((l, i) => (l.status === status ? [{ line: l, problem: problems[i] }] : []));
  const invalid = withStatus("invalid");
  const reason = (p: InputProblem | undefined) => (p === undefined || p === "unrecognised" ? "" : messages.cli.workbookProblems[p]);
  const usable = result !== undefined && result.forms.length > 0;
  const complete = usable && result.units.missing.length === 0 && result.conflicts.every((c) => c.kept) && lines.every((l) => l.status === "ok");
  return (
    <section aria-labelledby={titleId} className={styles.stack}>
      <Text as="h2" size={400} weight="semibold" id={titleId}>
        {m.previewTitle}
      </Text>
      <MessageBar intent={!usable ? "error" : complete ? "success" : "warning"} layout="multiline">
        <MessageBarBody>
          {usable ? (
            <>
              <MessageBarTitle>{m.units(result.units.reported, result.units.expected)}</MessageBarTitle> {m.period(result.params.period)} {m.forms(result.forms.length)}
            </>
          ) : (
            m.noUsable
          )}
        </MessageBarBody>
      </MessageBar>
      {result && (
        <>
          <Listed title={m.missingTitle(result.units.missing.length)} items={result.units.missing} more={m.more} />
          <Listed title={m.unexpectedTitle(result.units.unexpected.length)} items={result.units.unexpected} more={m.more} />
          {result.units.spelling.length > 0 && (
            <Text size={200}>{result.units.spelling.map((s) => m.spelling(s.label, s.unit)).join(" ")}</Text>
          )}
          <Conflicts
            messages={messages}
            conflicts={result.conflicts}
            choices={choices}
            newestWins={draft.newestWins}
            onChoose={onChoose}
            onNewestWins={(on) => onDraft({ newestWins: on })}
          />
        </>
      )}
      {invalid.length > 0 && (
        <div className={styles.group}>
          <Listed title={m.invalidTitle(invalid.length)} items={invalid.map(({ line }) => m.invalidFile(line.file, line.errors))} more={m.more} />
          <Switch label={m.includeInvalid} checked={draft.includeInvalid} onChange={(_, data) => onDraft({ includeInvalid: data.checked })} />
          <Text size={200}>{draft.includeInvalid ? m.invalidIncluded : m.invalidExcluded}</Text>
        </div>
      )}
      <Listed title={m.unrecognisedTitle(withStatus("unrecognised").length)} items={withStatus("unrecognised").map(({ line }) => line.file)} more={m.more} />
      <Listed
        title={m.unreadableTitle(withStatus("unreadable").length)}
        items={withStatus("unreadable").map(({ line, problem }) => m.fileReason(line.file, reason(problem)))}
        more={m.more}
      />
    </section>
  );
}

function OutcomeBar({ messages, outcome }: { messages: Messages; outcome: Outcome }) {
  const m = messages.ui.consolidate;
  if (outcome.kind === "done" && outcome.file) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{messages.ui.files.consolidate.downloaded(outcome.file, outcome.sheets.length)}</MessageBarTitle> {outcome.sheets.join(", ")}.{" "}
          {messages.ui.files.consolidate.note}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "file-failed") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{messages.ui.files.errors[outcome.key]}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{m.written(outcome.sheets.length)}</MessageBarTitle> {outcome.sheets.join(", ")}. {m.writtenNote}
          {outcome.removed.length > 0 && ` ${m.replaced(outcome.removed.join(", "))}`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "blocked") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{m.listNotUsable}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind !== "failed") return null;
  const { view } = outcome;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {m.errors[view.key]}
        {view.code && (
          <>
            {" "}
            <Text font="monospace">{m.errors.code(view.code)}</Text>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The value once it has stopped changing for `ms`. A summary of hundreds of files takes most of a
 * second to recompute, which must not happen on every keystroke in the unit's name.
 */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const TYPING_PAUSE_MS = 400;

/**
 * The consolidation the preview shows. It follows the typed name and code once typing pauses;
 * `typed` says whether they have caught up with the form, else a write computes afresh.
 */
function usePreview(draft: ConsolidateDraft, table: UnitTable | undefined, inputs: ReadInputs, choices: Record<string, string>, now: Date) {
  const unitName = useSettled(draft.unitName, TYPING_PAUSE_MS);
  const unitCode = useSettled(draft.unitCode, TYPING_PAUSE_MS);
  const { level, tiers, includeInvalid, newestWins } = draft;
  const shown = useMemo(() => ({ level, tiers, unitName, unitCode, includeInvalid, newestWins }), [level, tiers, unitName, unitCode, includeInvalid, newestWins]);
  const request = useMemo(() => requestFor(shown, table, inputs.stamps, now), [shown, table, inputs.stamps, now]);
  const result = useMemo(() => {
    if (!request.ok || !inputs.records.some((r) => r.entries.length > 0)) return undefined;
    // Timed in the browser's User Timing, where the benchmark (and a curious developer) reads it.
    const start = performance.now();
    // Units, conflicts and totals only: the sheets are laid out when the summary is written.
    const made = consolidateChosen(inputs.records, request.request, choices, { sheets: false });
    measureSince("phuluc:preview", start);
    return made;
  }, [request, inputs.records, choices]);
  return { request, result, typed: unitName === draft.unitName && unitCode === draft.unitCode };
}

/** The button's words: write into the workbook, or make a file to download. */
function buttonWords(messages: Messages, target: Target): { submit: string; busy: string } {
  const f = messages.ui.files.consolidate;
  return target === "file" ? { submit: f.submit, busy: f.preparing } : { submit: messages.ui.consolidate.write, busy: messages.ui.consolidate.writing };
}

function initialDraft(initial: Partial<RememberedInsert>): ConsolidateDraft {
  // A commune does not consolidate: its remembered level says nothing about the summary's.
  const level = initial.level === "tinh" ? "tinh" : "huyen";
  const tiers: Tiers = level === "huyen" ? 3 : (initial.tiers ?? 2);
  return { level, tiers, unitName: initial.unitName ?? "", unitCode: initial.unitCode ?? "", includeInvalid: true, newestWins: false };
}

/**
 * The "Tổng hợp" task: pick the units' files (several files, a folder, or by dropping them), read
 * them off the pane's thread with progress and a cancel button, preview what the summary will
 * hold (units found and missing, conflicts to settle, files with errors or unreadable), then write
 * the summary sheets and their lineage into the workbook.
 */
export function ConsolidateTask({ messages, canWrite, write, target = "excel", parse = defaultParse, initial = {}, onWritten, today }: ConsolidateTaskProps) {
  const styles = useStyles();
  // Fixed at mount: a new Date each render would make the preview recompute on every keystroke.
  const [now] = useState(() => today ?? new Date());
  const m = messages.ui.consolidate;
  const [draft, setDraft] = useState<ConsolidateDraft>(() => initialDraft(initial));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const { inputs, progress, notice, add, cancel, clear } = useInputs(parse);
  const { list, pick, remove } = useUnitList(initial.list);
  const set = (patch: Partial<ConsolidateDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const table = list.kind === "picked" && "table" in list.list ? list.list.table : undefined;
  const listBlocked = list.kind !== "none" && !table;
  const { request, result, typed } = usePreview(draft, table, inputs, choices, now);

  const submit = async () => {
    const made = typed ? request : requestFor(draft, table, inputs.stamps, now);
    if (listBlocked || !made.ok) return setOutcome({ kind: "blocked" });
    if (!result) return;
    setOutcome({ kind: "running" });
    try {
      // Let the pane show that it is working before the sheets are laid out.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const final = consolidateChosen(inputs.records, made.request, choices);
      const written = await write(final, summaryLines(inputs.lines, final));
      setOutcome({ kind: "done", sheets: written.sheets, removed: written.removed ?? [], file: written.file });
      const kept = listToRemember(list.kind === "picked" ? list.list : undefined, draft.unitCode);
      onWritten?.({ level: draft.level, tiers: tiersOf(draft), unitName: draft.unitName, unitCode: draft.unitCode, period: made.request.period, list: kept });
    } catch (error) {
      // Kept for support in the browser console; the user sees what to do instead.
      console.error(error);
      setOutcome(taskFailure(target, error));
    }
  };

  const reading = progress !== undefined;
  const running = outcome.kind === "running";
  const words = buttonWords(messages, target);
  return (
    <div className={styles.stack}>
      <LevelFields messages={messages} draft={draft} onChange={set} />
      <Field label={m.unitName} hint={m.unitNameHint}>
        <Input className={styles.fill} value={draft.unitName} onChange={(_, data) => set({ unitName: data.value })} />
      </Field>
      <Field label={messages.ui.insert.unitCode} hint={messages.ui.insert.unitCodeHint}>
        <Input className={styles.fill} value={draft.unitCode} inputMode="numeric" onChange={(_, data) => set({ unitCode: data.value })} />
      </Field>
      <UnitListField messages={messages} state={list} draft={draft} onPick={(file) => void pick(file)} onRemove={remove} />
      <InputsField messages={messages} count={inputs.lines.length} busy={reading || running} onAdd={(picks) => void add(picks)} onClear={clear} />
      <div aria-live="polite" className={styles.stack}>
        {progress && <ProgressRow m={m} done={progress.done} total={progress.total} onCancel={cancel} />}
        {notice && (
          <MessageBar intent={notice === "failed" ? "error" : "info"} layout="multiline">
            <MessageBarBody>{notice === "failed" ? m.readFailed : m.cancelled}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {inputs.lines.length > 0 && !reading && (
        <Preview
          messages={messages}
          result={result}
          lines={inputs.lines}
          problems={inputs.problems}
          draft={draft}
          choices={choices}
          onDraft={set}
          onChoose={(key, file) => setChoices((c) => ({ ...c, [key]: file }))}
        />
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!canWrite || !result || result.forms.length === 0 || reading || running} onClick={() => void submit()}>
          {words.submit}
        </Button>
        {running && <Spinner size="tiny" label={words.busy} />}
      </div>
      {!canWrite && <Text size={200}>{m.onlyInExcel}</Text>}
      <div aria-live="polite">
        <OutcomeBar messages={messages} outcome={outcome} />
      </div>
    </div>
  );
}
