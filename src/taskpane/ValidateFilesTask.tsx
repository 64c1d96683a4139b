import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ChangeEvent, DragEvent } from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { vi } from "../domain";
import type { Messages, UnitRef } from "../domain";
import { canCorrect } from "./file-api";
import type { CorrectedCopy, FileApi } from "./file-api";
import type { CheckedWorkbook, FileCheck, PickedWorkbook } from "./file-checks";
import { fileErrorKey } from "./file-errors";
import type { FileErrorKey } from "./file-errors";
import { expectedView, ExpectedUnitsField } from "./ExpectedUnits";
import { useUnitList } from "./unit-list-state";
import { MAX_READ_BYTES } from "./consolidate-run";
import { blobBytes } from "./blob-bytes";
import { FixBar, fixKey, groupsOf, initiallyOpen, Results, withTick, Summary } from "./IssueList";
import type { GroupKey, ShownResult } from "./IssueList";

export interface ValidateFilesTaskProps {
  messages: Messages;
  api: Pick<FileApi, "check" | "downloadCorrected">;
}

const ACCEPT = ".xlsx,.xls,.ods";
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Clicked from the visible button; kept in the layout (not display:none) because some webviews
  // refuse to open the picker of a hidden input.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
  file: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { overflowWrap: "anywhere", margin: 0 },
});

/** A file as picked: kept with its bytes so that a new unit list can check it again without picking it again. */
async function loadPicked(file: File): Promise<PickedWorkbook> {
  const base = { name: file.name, size: file.size };
  // Larger files are not even loaded: the reader refuses them anyway.
  if (file.size > MAX_READ_BYTES) return { ...base, bytes: null };
  try {
    return { ...base, bytes: new Uint8Array(await blobBytes(file)) };
  } catch {
    // Gone or unreadable since it was picked: the check says so for this file alone.
    return { ...base, bytes: null };
  }
}

const pickKey = (f: File): string => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/** The picked files, loaded; a file picked twice is kept once. */
function usePickedFiles() {
  const [picked, setPicked] = useState<PickedWorkbook[]>([]);
  const seen = useRef(new Set<string>());
  const add = async (files: File[]) => {
    const fresh = files.filter((f) => !f.name.startsWith("~$") && !seen.current.has(pickKey(f)));
    if (fresh.length === 0) return;
    fresh.forEach((f) => seen.current.add(pickKey(f)));
    const loaded = await Promise.all(fresh.map(loadPicked));
    setPicked((prev) => [...prev, ...loaded]);
  };
  const clear = () => {
    seen.current.clear();
    setPicked([]);
  };
  return { picked, add, clear };
}

interface PickerProps {
  messages: Messages;
  count: number;
  busy: boolean;
  onAdd: (files: File[]) => void;
  onClear: () => void;
}

function FilesField({ messages, count, busy, onAdd, onClear }: PickerProps) {
  const styles = useStyles();
  const m = messages.ui.files.validate;
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same file again, after fixing it, is noticed.
    event.target.value = "";
    onAdd(files);
  };
  const dragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    onAdd(Array.from(event.dataTransfer.files ?? []).filter((f) => WORKBOOK.test(f.name)));
  };
  return (
    <Field label={m.label} hint={count > 0 ? m.picked(count) : m.hint}>
      <div role="group" aria-label={m.label} className={styles.drop} onDragOver={dragOver} onDrop={drop}>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
            {m.choose}
          </Button>
          {count > 0 && (
            <Button appearance="subtle" onClick={onClear} disabled={busy}>
              {m.clear}
            </Button>
          )}
          {busy && <Spinner size="tiny" label={m.checking} />}
        </div>
        <Text size={200}>{m.dropZone}</Text>
        <input ref={input} type="file" multiple accept={ACCEPT} className={styles.hiddenInput} tabIndex={-1} aria-hidden="true" onChange={picked} />
      </div>
    </Field>
  );
}

type CopyState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; copy: CorrectedCopy } | { kind: "failed"; key: FileErrorKey };

function CopyNotice({ messages, state }: { messages: Messages; state: CopyState }) {
  const m = messages.ui.files.validate;
  if (state.kind === "failed") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{messages.ui.files.errors[state.key]}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.kind !== "done") return null;
  const { copy } = state;
  return (
    <MessageBar intent={copy.remaining && copy.remaining.errors > 0 ? "warning" : "success"} layout="multiline">
      <MessageBarBody>
        {m.downloaded(copy.file, copy.cells)}
        {copy.remaining && ` ${m.remaining(copy.remaining.errors, copy.remaining.warnings)}`}
      </MessageBarBody>
    </MessageBar>
  );
}

interface CheckedFileProps {
  messages: Messages;
  check: CheckedWorkbook;
  expected?: UnitRef[];
  api: ValidateFilesTaskProps["api"];
}

/** One checked file: its summary, the corrected copy to download, and its problems by kind. */
function CheckedFile({ messages, check, expected, api }: CheckedFileProps) {
  const m = messages.ui.validate;
  const f = messages.ui.files.validate;
  const shown = useMemo<ShownResult>(() => ({ scope: "all", report: check.report, fixes: check.fixes, unmarkable: [], truncated: [] }), [check]);
  // Every certain fix starts ticked: the download is a copy, and the user unticks what they would rather correct by hand.
  const [ticked, setTicked] = useState(() => new Set(check.fixes.map(fixKey)));
  const [open, setOpen] = useState<GroupKey[]>(() => initiallyOpen(groupsOf(shown)));
  const [copy, setCopy] = useState<CopyState>({ kind: "idle" });
  const correctable = canCorrect(check.name);
  const tick = (key: string, on: boolean) =>
    setTicked((t) => withTick(t, key, on));
  const download = async () => {
    const chosen = check.fixes.filter((fix) => ticked.has(fixKey(fix)));
    setCopy({ kind: "busy" });
    try {
      setCopy({ kind: "done", copy: await api.downloadCorrected(check, chosen, expected) });
    } catch (error) {
      // Kept for support in the browser console; the file and the ticks stay as they were.
      console.error(error);
      setCopy({ kind: "failed", key: fileErrorKey(error) });
    }
  };
  return (
    <>
      <Summary messages={messages} result={shown} />
      {check.fixes.length > 0 && correctable && (
        <>
          <Text size={200}>{f.howFixed}</Text>
          <FixBar
            m={m}
            fixable={check.fixes.length}
            ticked={ticked.size}
            disabled={copy.kind === "busy"}
            applyLabel={f.download(ticked.size)}
            {...(copy.kind === "busy" ? { busyLabel: f.preparing } : {})}
            onTickAll={(on) => setTicked(on ? new Set(check.fixes.map(fixKey)) : new Set())}
            onApply={() => void download()}
          />
        </>
      )}
      {check.fixes.length > 0 && !correctable && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{f.onlyXlsx}</MessageBarBody>
        </MessageBar>
      )}
      <div aria-live="polite">
        <CopyNotice messages={messages} state={copy} />
      </div>
      <Results messages={messages} result={shown} ticked={ticked} open={open} label={`${m.groupsLabel}: ${check.name}`} onToggle={setOpen} onTick={tick} />
    </>
  );
}

function FileSection({ messages, check, expected, api }: { messages: Messages; check: FileCheck; expected?: UnitRef[]; api: ValidateFilesTaskProps["api"] }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.file}>
      <Text as="h2" size={400} weight="semibold" id={id} className={styles.fileName}>
        {check.name}
      </Text>
      {check.kind === "unreadable" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{messages.ui.files.validate.unreadable(messages.cli.workbookProblems[check.problem])}</MessageBarBody>
        </MessageBar>
      ) : (
        <CheckedFile messages={messages} check={check} expected={expected} api={api} />
      )}
    </section>
  );
}

/** The checks of the picked files, redone whenever the files or the expected units change. */
function useChecks(api: ValidateFilesTaskProps["api"], picked: PickedWorkbook[], expected: UnitRef[] | undefined, waiting: boolean) {
  const [checks, setChecks] = useState<{ round: number; files: FileCheck[] }>({ round: 0, files: [] });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FileErrorKey | undefined>();
  // Bumped by "Kiểm tra lại" after a failure: the same files, checked once more.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (waiting) return undefined;
    if (picked.length === 0) {
      setChecks((c) => ({ round: c.round + 1, files: [] }));
      return undefined;
    }
    let stale = false;
    setBusy(true);
    setFailure(undefined);
    api.check(picked, expected).then(
      (files) => {
        if (stale) return;
        setChecks((c) => ({ round: c.round + 1, files }));
        setBusy(false);
      },
      (error: unknown) => {
        if (stale) return;
        // The results shown before stay; the files stay picked for the next try.
        console.error(error);
        setFailure(fileErrorKey(error));
        setBusy(false);
      },
    );
    return () => {
      stale = true;
    };
  }, [api, picked, expected, waiting, attempt]);
  return { checks, busy, failure, retry: () => setAttempt((n) => n + 1) };
}

/**
 * The "Kiểm tra" task of the standalone page: pick filled workbooks, see each one's problems by
 * kind with their cells, and download a corrected copy with the certain fixes written in. The
 * picked files are only read.
 */
export function ValidateFilesTask({ messages, api }: ValidateFilesTaskProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  const { list, pick, remove } = useUnitList();
  const [code, setCode] = useState("");
  const { picked, add, clear } = usePickedFiles();
  const view = useMemo(() => (list.kind === "picked" ? expectedView(list.list, code, messages) : undefined), [list, code, messages]);
  // Apart from the view, so that switching the language does not check every file again.
  const expected = useMemo(() => (list.kind === "picked" ? expectedView(list.list, code, vi).units : undefined), [list, code]);
  const listBlocked = list.kind === "picked" && !expected;
  const { checks, busy, failure, retry } = useChecks(api, picked, expected, listBlocked || list.kind === "reading");
  return (
    <div className={styles.stack}>
      <ExpectedUnitsField messages={messages} state={list} view={view} code={code} onCode={setCode} onPick={(file) => void pick(file)} onRemove={remove} />
      <FilesField messages={messages} count={picked.length} busy={busy} onAdd={(files) => void add(files)} onClear={clear} />
      <div aria-live="polite" className={styles.stack}>
        {listBlocked && picked.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{m.listNotUsable}</MessageBarBody>
          </MessageBar>
        )}
        {failure && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{messages.ui.files.errors[failure]}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={retry} disabled={busy}>
                {messages.ui.files.validate.retry}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {checks.files.length > 0 && (
        <div role="region" aria-label={messages.ui.files.validate.filesLabel} className={styles.stack}>
          {checks.files.map((check, i) => (
            <FileSection key={`${checks.round}:${i}`} messages={messages} check={check} expected={expected} api={api} />
          ))}
        </div>
      )}
    </div>
  );
}
