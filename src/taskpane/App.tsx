import { useEffect, useMemo, useState } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { messagesFor } from "../domain";
import type { Language, Messages, SheetPlan } from "../domain";
import { insertForms, writeSummaryInExcel } from "../excel";
import { ConsolidateTask } from "./ConsolidateTask";
import type { WriteSummaryFn } from "./ConsolidateTask";
import { fileApi } from "./file-api";
import type { FileApi } from "./file-api";
import { InsertTask } from "./InsertTask";
import { useShade } from "./office-theme";
import type { OfficeThemeColors } from "./office-theme";
import type { InsertFn } from "./InsertTask";
import { recallInsert, rememberInsert } from "./remembered";
import { excelValidateApi, ValidateTask } from "./ValidateTask";
import type { ValidateApi } from "./ValidateTask";
import { ValidateFilesTask } from "./ValidateFilesTask";

/**
 * Where the pane runs: still waiting for Office.onReady, inside Excel, in a plain browser
 * (onReady gave no host), in another Office application, or Office never answered.
 */
export type HostState = "connecting" | "excel" | "browser" | "other-host" | "unreachable";

type TaskTab = "insert" | "validate" | "consolidate";

/** The tab a ribbon button opens with ?task=; anything else opens the insert task. */
const taskTab = (task: string | null | undefined): TaskTab => (task === "validate" || task === "consolidate" ? task : "insert");

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

/** The real insert: one Excel.run per click, everything else is the adapter's. */
const insertIntoExcel: InsertFn = (plans: SheetPlan[]) => Excel.run((context) => insertForms(context, plans));

/** The real summary write: one Excel.run per click. */
const writeSummaryIntoExcel: WriteSummaryFn = (result, lines) => Excel.run((context) => writeSummaryInExcel(context, result, lines));

/** Outside Excel the tasks work on files: downloads and picked files. */
const browserFiles = fileApi();

function hostNotice(host: HostState, m: Messages["ui"]): string | undefined {
  switch (host) {
    case "browser":
      return m.outsideOffice;
    case "other-host":
      return m.otherHost;
    case "unreachable":
      return m.notConnected;
    default:
      return undefined;
  }
}

export interface AppProps {
  host: HostState;
  /** The ?task= the ribbon button opened the pane with. */
  task?: string | null;
  insert?: InsertFn;
  validation?: ValidateApi;
  writeSummary?: WriteSummaryFn;
  /** What the tasks do outside Excel, where they work on files. */
  files?: FileApi;
  /** Office's theme inside Excel; elsewhere the system's colour scheme decides. */
  officeTheme?: OfficeThemeColors;
}

export function App({ host, task, insert = insertIntoExcel, validation = excelValidateApi, writeSummary = writeSummaryIntoExcel, files = browserFiles, officeTheme }: AppProps) {
  const styles = useStyles();
  const shade = useShade(officeTheme);
  const [lang, setLang] = useState<Language>("vi");
  const messages = messagesFor(lang);
  const m = messages.ui;
  const inExcel = host === "excel";
  // Wherever Excel is not reachable the same tasks work on files, so nothing waits on Office.
  const target = inExcel ? "excel" : "file";
  const initial = useMemo(() => (inExcel ? recallInsert() : {}), [inExcel]);
  const [tab, setTab] = useState<TaskTab>(taskTab(task));

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = m.appTitle;
  }, [lang, m.appTitle]);

  const notice = hostNotice(host, m);
  const other = lang === "vi" ? "en" : "vi";
  return (
    <FluentProvider theme={shade === "dark" ? webDarkTheme : webLightTheme} className={styles.root} data-shade={shade}>
      <div className={styles.stack}>
        <div className={styles.header}>
          <Text as="h1" size={400} weight="semibold">
            {m.appTitle}
          </Text>
          <Button appearance="subtle" size="small" lang={other} aria-label={m.switchLanguageLabel} onClick={() => setLang(other)}>
            {m.switchLanguage}
          </Button>
        </div>
        {notice && (
          <MessageBar intent={host === "browser" ? "info" : "warning"} layout="multiline">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TaskTab)} aria-label={m.tasksLabel} className={styles.tabs}>
          <Tab value="insert" id="tab-insert" aria-controls="panel-insert">
            {m.tabs.insert}
          </Tab>
          <Tab value="validate" id="tab-validate" aria-controls="panel-validate">
            {m.tabs.validate}
          </Tab>
          <Tab value="consolidate" id="tab-consolidate" aria-controls="panel-consolidate">
            {m.tabs.consolidate}
          </Tab>
        </TabList>
        {host === "connecting" ? (
          <Spinner label={m.connecting} />
        ) : (
          <>
            {/* The panels stay mounted so that switching tabs keeps what was typed, checked and read. */}
            <div role="tabpanel" id="panel-insert" aria-labelledby="tab-insert" hidden={tab !== "insert"}>
              <InsertTask
                messages={messages}
                canInsert
                insert={inExcel ? insert : files.downloadForms}
                target={target}
                initial={initial}
                onInserted={inExcel ? rememberInsert : undefined}
              />
            </div>
            <div role="tabpanel" id="panel-validate" aria-labelledby="tab-validate" hidden={tab !== "validate"}>
              {inExcel ? <ValidateTask messages={messages} canValidate api={validation} initial={initial} /> : <ValidateFilesTask messages={messages} api={files} />}
            </div>
            <div role="tabpanel" id="panel-consolidate" aria-labelledby="tab-consolidate" hidden={tab !== "consolidate"}>
              <ConsolidateTask
                messages={messages}
                canWrite
                write={inExcel ? writeSummary : files.downloadSummary}
                target={target}
                initial={initial}
                onWritten={inExcel ? rememberInsert : undefined}
              />
            </div>
          </>
        )}
      </div>
    </FluentProvider>
  );
}
