import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { AccordionToggleData, AccordionToggleEvent } from "@fluentui/react-components";
import type { Messages } from "../domain";
import { formatNumber } from "../domain/validate";
import type { CellFix, Issue } from "../domain/validate";
import { countIssues } from "../excel";
import type { ExcelValidation } from "../excel";

/**
 * How a validation result is shown, whether it came from the open workbook (Excel) or from files
 * the user picked (the standalone page): a summary, the problems grouped by kind, and the
 * certain corrections to tick.
 */

/** What the list needs of a result; a file check has no marks, so only these. */
export type ShownResult = Pick<ExcelValidation, "scope" | "report" | "fixes" | "unmarkable" | "truncated">;

/** Problem kinds in the order they are listed: what to type differently first, then totals and structure. */
const GROUPS = ["value.machine", "value.mark", "value.count", "value.money", "cell", "rule", "row", "units", "structure", "file", "other"] as const;
export type GroupKey = (typeof GROUPS)[number];

/** Issues shown per group; the rest are counted. Thousands of rows would make the pane crawl. */
const SHOWN_PER_GROUP = 100;

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
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
  issueText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  fixBox: { paddingLeft: tokens.spacingHorizontalS },
});

function groupOf(code: string): GroupKey {
  const [head, kind] = code.split(".");
  const key = head === "value" ? `value.${kind}` : head;
  return (GROUPS as readonly string[]).includes(key) ? (key as GroupKey) : "other";
}

/** Identifies a correction across re-checks. */
export const fixKey = (fix: Pick<CellFix, "sheet" | "cell" | "code">): string => `${fix.sheet}\u0000${fix.cell}\u0000${fix.code}`;

/** The ticked fixes with one more ticked or unticked: a new set, as React state wants. */
export function withTick(ticked: Set<string>, key: string, on: boolean): Set<string> {
  const next = new Set(ticked);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

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

export function groupsOf(result: Pick<ShownResult, "report" | "fixes">): Group[] {
  const fixes = new Map(result.fixes.map((f) => [fixKey(f), f] as const));
  const byKey = new Map<GroupKey, Item[]>();
  const fileItems = result.report.sheets.length > 0 ? result.report.issues : [];
  const all = [...fileItems.map((issue) => ({ sheet: "", issue })), ...result.report.sheets.flatMap((s) => s.issues.map((issue) => ({ sheet: s.sheet, issue })))];
  all.forEach(({ sheet, issue }, i) => {
    const fix = issue.cell ? fixes.get(fixKey({ sheet, cell: issue.cell, code: issue.code })) : undefined;
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
export function initiallyOpen(groups: Group[]): GroupKey[] {
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  return groups.filter((g) => total <= 30 || g.errors > 0).map((g) => g.key);
}

/** The ticked fixes that the new result still offers. */
export function stillFixable(ticked: Set<string>, result: Pick<ShownResult, "fixes">): Set<string> {
  const keys = new Set(result.fixes.map(fixKey));
  return new Set([...ticked].filter((k) => keys.has(k)));
}

interface IssueRowProps {
  item: Item;
  m: Messages["ui"]["validate"];
  manySheets: boolean;
  ticked: boolean;
  /** Goes to the issue's cell; without it (a file, not the open workbook) the cell is only named. */
  onSelect?: (sheet: string, cell: string) => void;
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
      {issue.cell && onSelect ? (
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
          onChange={(_, data) => onTick(fixKey(fix), data.checked === true)}
        />
      )}
    </li>
  );
}

interface ResultsProps {
  messages: Messages;
  result: Pick<ShownResult, "report" | "fixes">;
  ticked: Set<string>;
  open: GroupKey[];
  /** Names the list for assistive technology; the default says it is grouped by kind. */
  label?: string;
  onToggle: (open: GroupKey[]) => void;
  onSelect?: (sheet: string, cell: string) => void;
  onTick: (key: string, on: boolean) => void;
}

/** The problems grouped by kind, each with its cell, its message and, where certain, its fix. */
export function Results({ messages, result, ticked, open, label, onToggle, onSelect, onTick }: ResultsProps) {
  const styles = useStyles();
  const m = messages.ui.validate;
  const groups = useMemo(() => groupsOf(result), [result]);
  const manySheets = result.report.sheets.length > 1;
  if (groups.length === 0) return null;
  return (
    <section aria-label={label ?? m.groupsLabel}>
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
                    ticked={item.fix ? ticked.has(fixKey(item.fix)) : false}
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

/** One line per fact about the result: how many problems, and what could not be marked or read. */
export function Summary({ messages, result }: { messages: Messages; result: ShownResult }) {
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

interface FixBarProps {
  m: Messages["ui"]["validate"];
  fixable: number;
  ticked: number;
  disabled: boolean;
  /** What the button does with the ticked fixes: apply them in Excel, or download a corrected copy. */
  applyLabel: string;
  /** Shown beside a spinner while the fixes are being applied. */
  busyLabel?: string;
  onTickAll: (on: boolean) => void;
  onApply: () => void;
}

/** Tick every certain fix at once, and the button that applies the ticked ones. */
export function FixBar({ m, fixable, ticked, disabled, applyLabel, busyLabel, onTickAll, onApply }: FixBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Checkbox
        label={m.fixAll(fixable)}
        checked={ticked === fixable ? true : ticked > 0 ? "mixed" : false}
        onChange={(_, data) => onTickAll(data.checked === true)}
      />
      <Button appearance="primary" disabled={disabled || ticked === 0} onClick={onApply}>
        {applyLabel}
      </Button>
      {busyLabel && <Spinner size="tiny" label={busyLabel} />}
    </div>
  );
}
