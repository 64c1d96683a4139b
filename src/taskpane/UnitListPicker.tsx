import { useRef } from "react";
import type { ChangeEvent } from "react";
import { Button, Field, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { Messages } from "../domain";
import type { ListView, PickedList } from "./insert-plans";

/** A unit-list file: none yet, being read, or read. */
export type ListState = { kind: "none" } | { kind: "reading"; fileName: string } | { kind: "picked"; list: PickedList };

/** Files a unit list can come from: a name list, the official catalogues, the GSO export. */
export const LIST_ACCEPT = ".xlsx,.xls,.ods,.csv,.txt";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  // Clicked from the visible button; kept in the layout (not display:none) because some webviews
  // refuse to open the picker of a hidden input.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
});

export interface UnitListPickerProps {
  label: string;
  messages: Messages;
  state: ListState;
  view?: ListView;
  /** What the field says under it: reading, what the list gave, or a hint. */
  message: string;
  onPick: (file: File) => void;
  onRemove: () => void;
}

/** The "Danh sách đơn vị" field every task shares: choose, remove, and what the list gave. */
export function UnitListPicker({ label, messages, state, view, message, onPick, onRemove }: UnitListPickerProps) {
  const styles = useStyles();
  const m = messages.ui.list;
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again, after fixing it, is noticed.
    event.target.value = "";
    if (file) onPick(file);
  };
  const reading = state.kind === "reading";
  return (
    <Field label={label} validationState={reading ? "none" : (view?.state ?? "none")} validationMessage={message}>
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()} disabled={reading}>
          {m.choose}
        </Button>
        {state.kind !== "none" && (
          <Button appearance="subtle" onClick={onRemove} disabled={reading}>
            {m.remove}
          </Button>
        )}
        {reading && <Spinner size="tiny" />}
        <input ref={input} type="file" accept={LIST_ACCEPT} className={styles.hiddenInput} tabIndex={-1} aria-hidden="true" onChange={picked} />
      </div>
    </Field>
  );
}
