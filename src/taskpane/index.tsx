/**
 * Task-pane entry: renders once inside Office.onReady under one FluentProvider, themed like
 * Office. Opened outside Excel (a plain browser, or Office.js unavailable), it says so.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { OutsideExcel } from "./components/OutsideExcel";
import { createOfficeGateway } from "../excel/gateway";

function isDark(): boolean {
  const theme = Office.context?.officeTheme;
  if (theme && typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const background = theme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

function render(content: React.ReactNode, dark = false): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{content}</FluentProvider>);
}

if (typeof Office === "undefined") {
  render(<OutsideExcel reason="Office.js did not load." />);
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(<App gateway={createOfficeGateway()} />, isDark());
    else
      render(
        <OutsideExcel
          reason={info.host ? `This is ${String(info.host)}, not Excel.` : "This page is not running inside Office."}
        />,
      );
  });
}
