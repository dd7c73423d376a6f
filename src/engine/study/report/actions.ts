/**
 * Findings of the personnel-action exhibits: how many candidates were placed and who approves
 * their salaries; how many employees the class-title changes retitle.
 */
import type { ExhibitReport, ExhibitView } from "./view";
import { counted, countWords } from "./words";

function placementFindings(view: ExhibitView): string[] {
  const rows = view.rows("detail");
  if (rows.length === 0) return [];
  const decided = rows.filter((row) => view.number(row, "Salary") !== null);
  const approvals = new Map<string, number>();
  for (const row of decided) {
    const approval = view.text(row, "Approval");
    if (approval !== "") approvals.set(approval, (approvals.get(approval) ?? 0) + 1);
  }
  const findings = [
    `${counted(rows.length, "candidate")}: ${countWords(decided.length)} placed, ${countWords(rows.length - decided.length)} not (the reason is in Warning).`,
  ];
  if (approvals.size > 0)
    findings.push(
      `Approval of the salaries placed — ${[...approvals].map(([approval, n]) => `${approval}: ${countWords(n)}`).join("; ")}.`,
    );
  return findings;
}

function titleFindings(view: ExhibitView): string[] {
  const changes = view.rows("detail");
  const all = view.rows("grand-total")[0];
  const retitled = all === undefined ? null : view.number(all, "Employees");
  if (changes.length === 0 || retitled === null) return [];
  const unused = changes.filter((row) => view.number(row, "Employees") === 0).length;
  return [
    `${counted(changes.length, "class-title change")} retitle ${counted(retitled, "employee")}${unused > 0 ? `; ${countWords(unused)} ${unused === 1 ? "matches" : "match"} no employee` : ""}.`,
  ];
}

export const PLACEMENTS_REPORT: ExhibitReport = { findings: placementFindings };
export const TITLE_CHANGES_REPORT: ExhibitReport = { findings: titleFindings };
