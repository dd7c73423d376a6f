/**
 * The sample's settlement costing (issue 17), all made up: a three-year Settlement sheet (3 %,
 * 2 % with steps frozen, 2 %; the teachers' plans with a flat 500 in year 1, Ed Tech with its
 * steps in year 2 — so the costing shows a block per plan), a Benefit Groups sheet (statutory
 * 7.65 % plus a made-up pension rate, and a made-up health amount per FTE) and the roster's
 * Benefit Group column.
 */
import type { CellValue } from "../../src/engine/cells";
import type { SampleExtension } from "./types";

const NOTE = "MADE UP for the CompStudy sample — not a Portland settlement: years, increases and loads are invented.";

function settlementSheet(): CellValue[][] {
  return [
    ["Year", "Plan", "Increase", "Flat Amount", "Step Movement"],
    [1, null, 0.03, 0, "yes"],
    [1, "PEA 187 Days", 0.03, 500, "yes"],
    [1, "PEA 197 Days", 0.03, 500, "yes"],
    [2, null, 0.02, 0, "no"],
    [2, "Ed Tech", 0.02, 0, "yes"],
    [3, null, 0.02, 0, "yes"],
  ];
}

function benefitGroupsSheet(): CellValue[][] {
  return [
    ["Group", "Load Rate", "Per FTE"],
    ["Certificated", 0.2215, 12_000],
    ["Classified", 0.1965, 11_000],
  ];
}

export const COSTING_SAMPLE: SampleExtension = {
  label: "settlement and benefit groups (made up)",
  rosterColumns: (context) => {
    const planColumn = context.roster[0].indexOf("Plan");
    return [
      {
        header: "Benefit Group (made up)",
        values: context.roster
          .slice(1)
          .map((row) => (String(row[planColumn]).startsWith("PEA") ? "Certificated" : "Classified")),
      },
    ];
  },
  sheets: () => [
    { name: "Settlement", rows: settlementSheet(), note: NOTE, csv: "settlement.csv" },
    { name: "Benefit Groups", rows: benefitGroupsSheet(), note: NOTE, csv: "benefit-groups.csv" },
  ],
};
