/**
 * The Office host around the pane: start-up (Office.onReady), Office's theme, and the ribbon
 * tab's buttons. The buttons run in the shared runtime (ExecuteFunction): each asks the pane to
 * show one view, then opens the task pane. Like the gateway, the only Office.js the pane's
 * entry uses; components never call Office.js.
 */

/** Views the ribbon's buttons open (their FunctionName in manifest.xml is "show" + the view, capitalised). */
export const RIBBON_VIEWS = ["data", "analyze", "tools"] as const;
export type RibbonView = (typeof RIBBON_VIEWS)[number];

export type HostInfo = { kind: "excel" } | { kind: "outside"; reason: string };

/** Office's theme, for the pane: dark or light, and the background Office paints around it. */
export type HostTheme = { dark: boolean; background?: string };

/** Calls `ready` once Office.js says where the page runs (or at once when Office.js is missing). */
export function onHostReady(ready: (info: HostInfo) => void): void {
  if (typeof Office === "undefined") {
    ready({ kind: "outside", reason: "Office.js did not load." });
    return;
  }
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) ready({ kind: "excel" });
    else
      ready({
        kind: "outside",
        reason: info.host ? `This is ${String(info.host)}, not Excel.` : "This page is not running inside Office.",
      });
  });
}

/** Office's theme: its own flag, else the lightness of the background colour it reports. */
export function hostTheme(): HostTheme {
  const theme = typeof Office === "undefined" ? undefined : Office.context?.officeTheme;
  const background = theme?.bodyBackgroundColor;
  const valid = background && /^#[0-9a-f]{6}$/i.test(background) ? background : undefined;
  if (theme && typeof theme.isDarkTheme === "boolean") return { dark: theme.isDarkTheme, background: valid };
  if (!valid) return { dark: false };
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(valid.slice(i, i + 2), 16));
  return { dark: 0.299 * r + 0.587 * g + 0.114 * b < 128, background: valid };
}

/**
 * Registers the ribbon buttons' functions (SharedRuntime 1.1): each calls `show(view)` and opens
 * the pane. Outside Excel, or in a host without Office.actions, it does nothing.
 */
export function registerRibbonActions(show: (view: RibbonView) => void): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  for (const view of RIBBON_VIEWS) {
    Office.actions.associate(`show${view[0].toUpperCase()}${view.slice(1)}`, (event: Office.AddinCommands.Event) => {
      show(view);
      void Office.addin
        ?.showAsTaskpane()
        .catch(() => undefined)
        .then(() => event.completed());
    });
  }
}
