/**
 * Task-pane entry: renders once inside Office.onReady under one FluentProvider, themed like
 * Office — the page's color-scheme and background too, so native controls and the area below
 * the pane follow Office's dark theme. Opened outside Excel (a plain browser, or Office.js
 * unavailable), it says so. The ribbon's buttons open the pane on a view.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { OutsideExcel } from "./components/OutsideExcel";
import type { SampleTables, View } from "./store";
import { createOfficeGateway } from "../excel/gateway";
import { hostTheme, onHostReady, registerRibbonActions, type RibbonView } from "../excel/host";

// The ribbon may ask for a view before React has rendered: keep the last request.
let requested: View | undefined;
let showView: ((view: View) => void) | undefined;
registerRibbonActions((view: RibbonView) => {
  requested = view;
  showView?.(view);
});

const subscribeView = (show: (view: View) => void): (() => void) => {
  showView = show;
  if (requested) show(requested);
  return () => {
    showView = undefined;
  };
};

/** The sample tables, in their own chunk: loaded only when asked for. */
const loadSample = async (): Promise<SampleTables> =>
  (await import(/* webpackChunkName: "sample" */ "compstudy-sample")).default as SampleTables;

function render(content: React.ReactNode, dark = false): void {
  const container = document.getElementById("container");
  if (!container) return;
  const theme = dark ? webDarkTheme : webLightTheme;
  // No white band: the page under the pane takes the theme's colours and native controls its scheme.
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.documentElement.style.backgroundColor = theme.colorNeutralBackground2;
  document.body.style.backgroundColor = theme.colorNeutralBackground2;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ backgroundColor: theme.colorNeutralBackground2 }}>
      {content}
    </FluentProvider>,
  );
}

onHostReady((info) => {
  if (info.kind === "excel")
    render(
      <App gateway={createOfficeGateway()} loadSample={loadSample} subscribeView={subscribeView} />,
      hostTheme().dark,
    );
  else render(<OutsideExcel reason={info.reason} />, window.matchMedia?.("(prefers-color-scheme: dark)").matches);
});
