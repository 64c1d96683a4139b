import { Field, Input, makeStyles } from "@fluentui/react-components";
import type { Messages, UnitRef } from "../domain";
import { expectedCommunes } from "../domain/units/unit-table";
import { listProblemText } from "./insert-plans";
import type { PickedList } from "./insert-plans";
import { UnitListPicker } from "./UnitListPicker";
import type { ListState } from "./UnitListPicker";

const useStyles = makeStyles({
  // An <input> is as wide as its default size unless told otherwise, too wide for a 320 px pane.
  fill: { width: "100%", minWidth: 0 },
});

/** What the list field says, and the units every checked sheet must list once when the list is usable. */
export type ExpectedView = { state: "error" | "success"; text: string; units?: UnitRef[] };

/** What the list field says, and the units to expect when the list is usable. */
export function expectedView(list: PickedList, code: string, messages: Messages): ExpectedView {
  const m = messages.ui.list;
  const file = list.fileName;
  if ("problem" in list) return { state: "error", text: listProblemText(list, messages) };
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

interface ExpectedUnitsFieldProps {
  messages: Messages;
  state: ListState;
  view?: ExpectedView;
  code: string;
  onCode: (code: string) => void;
  onPick: (file: File) => void;
  onRemove: () => void;
}

/** The "Danh sách đơn vị cần có" field of the Kiểm tra task, with the code box an official catalogue needs. */
export function ExpectedUnitsField({ messages, state, view, code, onCode, onPick, onRemove }: ExpectedUnitsFieldProps) {
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

