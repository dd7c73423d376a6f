#!/usr/bin/env python3
"""
The peer a data-savvy analyst would write instead of CompStudy: a pandas script that reads the
pay plans and the roster (CSV), computes the current-conditions exhibits of a compensation
study (pay-plan summary, grade placement, midpoint split, quartiles, job families, tenure,
schedule audit, unmatched rows) and writes them as .xlsx (xlsxwriter) and JSON.

Written the way an analyst would: vectorised pandas, no hand-tuning. The definitions are
CompStudy's (README "Exhibits"), so the numbers can be compared one for one: bench/peer.ts
checks every number of its JSON against CompStudy's before it quotes a time.

Usage: current_conditions.py --plans plans.csv --roster roster.csv --as-of 2026-07-01 \
         --xlsx out.xlsx --json out.json
On exit it prints its own peak memory and CPU time to stderr ("[peer] maxRSS … KiB cpu … ms").
"""
import argparse
import json
import resource
import sys

import numpy as np
import pandas as pd

HALF_CENT = 0.005
DAYS_PER_YEAR = 365.25


def key(series):
    """Plan and grade codes as people mean them: trimmed, any case."""
    return series.fillna("").astype(str).str.strip().str.upper()


def read_plans(path):
    plans = pd.read_csv(path, dtype=str, keep_default_na=False)
    step_columns = [c for c in plans.columns if c.strip().lower().startswith("step")]
    steps = plans[step_columns].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    filled = ~np.isnan(steps)
    count = filled.sum(axis=1)
    first = np.argmax(filled, axis=1)
    last = steps.shape[1] - 1 - np.argmax(filled[:, ::-1], axis=1)
    rows = np.arange(len(plans))
    minimum = np.where(count > 0, steps[rows, first], np.nan)
    maximum = np.where(count > 0, steps[rows, last], np.nan)
    grades = pd.DataFrame(
        {
            "Plan": plans["Plan"].str.strip(),
            "Grade": plans["Grade"].str.strip(),
            "min": minimum,
            "max": maximum,
            "mid": (minimum + maximum) / 2,
            "steps": count,
        }
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        grades["progression"] = np.where(
            (count >= 2) & (minimum > 0), (maximum / minimum) ** (1 / np.maximum(count - 1, 1)) - 1, np.nan
        )
        grades["spread"] = (maximum - minimum) / minimum
    grades["key"] = key(grades["Plan"]) + "\x00" + key(grades["Grade"])
    audit = []
    for i in range(len(plans)):
        values = steps[i][: last[i] + 1] if count[i] > 0 else []
        for s in range(1, len(values)):
            if np.isnan(values[s]):
                audit.append([grades.at[i, "Plan"], grades.at[i, "Grade"], s + 1, "error", "blank or non-numeric step"])
            elif not np.isnan(values[s - 1]) and values[s] < values[s - 1]:
                audit.append([grades.at[i, "Plan"], grades.at[i, "Grade"], s + 1, "error", "step lower than the one before"])
    for dup in grades.index[grades["key"].duplicated()]:
        audit.append([grades.at[dup, "Plan"], grades.at[dup, "Grade"], None, "error", "duplicate grade"])
    return grades, audit


def place(roster, grades, as_of):
    salary = pd.to_numeric(roster["Salary"], errors="coerce")
    hire = pd.to_datetime(roster["Hire Date"], format="%Y-%m-%d", errors="coerce")
    keys = key(roster["Plan"]) + "\x00" + key(roster["Grade"])
    index = pd.Series(np.arange(len(grades)), index=grades["key"].to_numpy())
    index = index[~index.index.duplicated()]
    grade_of = keys.map(index)
    reasons = pd.Series("", index=roster.index)
    reasons[roster["Employee ID"].duplicated()] = "duplicate employee ID"
    reasons[(reasons == "") & hire.isna()] = "hire date is not a date"
    reasons[(reasons == "") & (hire > as_of)] = "hire date is after the as-of date"
    reasons[(reasons == "") & salary.isna()] = "salary is not a number"
    reasons[(reasons == "") & grade_of.isna()] = "unknown plan and grade"
    ok = reasons == ""
    placed = pd.DataFrame(
        {
            "grade": grade_of[ok].astype(int).to_numpy(),
            "rate": salary[ok].to_numpy(),
            "days": (as_of - hire[ok]).dt.days.to_numpy(),
            "family": roster.loc[ok, "Job Family"].to_numpy(),
            "title": key(roster.loc[ok, "Job Title"]).to_numpy(),
        }
    )
    g = grades.iloc[placed["grade"]]
    lo, hi, mid = g["min"].to_numpy(), g["max"].to_numpy(), g["mid"].to_numpy()
    width = hi - lo
    rate = placed["rate"].to_numpy()
    placed["low"] = rate <= lo + HALF_CENT
    placed["high"] = rate >= hi - HALF_CENT
    placed["below_mid"] = rate < mid - HALF_CENT
    placed["quartile"] = np.select(
        [rate >= lo + 0.75 * width - HALF_CENT, rate >= lo + 0.5 * width - HALF_CENT, rate >= lo + 0.25 * width - HALF_CENT],
        [4, 3, 2],
        default=1,
    )
    unmatched = roster.loc[~ok, ["Employee ID", "Plan", "Grade"]].assign(Reason=reasons[~ok])
    return placed, unmatched


def ratio(part, whole):
    return None if whole == 0 else part / whole


def exhibits(grades, audit, placed, unmatched):
    per_grade = placed.groupby("grade").agg(
        employees=("rate", "size"),
        low=("low", "sum"),
        high=("high", "sum"),
        below=("below_mid", "sum"),
        days=("days", "sum"),
        q1=("quartile", lambda q: int((q == 1).sum())),
        q2=("quartile", lambda q: int((q == 2).sum())),
        q3=("quartile", lambda q: int((q == 3).sum())),
        q4=("quartile", lambda q: int((q == 4).sum())),
    )
    table = grades.join(per_grade, how="left").fillna({c: 0 for c in per_grade.columns})
    out = {k: [] for k in ["pay-plan-summary", "grade-placement", "midpoint", "quartiles", "tenure"]}
    everyone = []
    progression_all, spread_all = [], []
    for plan, rows in table.groupby("Plan", sort=False):
        for _, r in rows.iterrows():
            out["pay-plan-summary"].append(
                [plan, r["Grade"], r["min"], r["mid"], r["max"], int(r["steps"]), nan_none(r["progression"]), nan_none(r["spread"]), int(r["employees"])]
            )
        progressions = rows["progression"].dropna().tolist()
        spreads = rows["spread"].dropna().tolist()
        progression_all += progressions
        spread_all += spreads
        out["pay-plan-summary"].append(
            [plan, "Total", None, None, None, None, mean(progressions), mean(spreads), int(rows["employees"].sum())]
        )
        occupied = rows[rows["employees"] > 0]
        if len(occupied) == 0:
            continue
        everyone.append(occupied)
        for label, group in [(g, occupied.loc[[i]]) for i, g in zip(occupied.index, occupied["Grade"])] + [("Total", occupied)]:
            add_employee_rows(out, plan, label, group)
    out["pay-plan-summary"].append(["All", "Total", None, None, None, None, mean(progression_all), mean(spread_all), int(table["employees"].sum())])
    add_employee_rows(out, "All", "Total", pd.concat(everyone))

    families = placed.groupby("family").agg(employees=("rate", "size"), classes=("title", "nunique"))
    total = len(placed)
    out["job-families"] = [[name, int(r["employees"]), int(r["classes"]), ratio(r["employees"], total)] for name, r in families.sort_index().iterrows()]
    out["job-families"].append(["Total", total, int(placed["title"].nunique()), 1 if total else None])
    out["schedule-audit"] = audit
    out["unmatched-employees"] = unmatched.values.tolist()
    return out


def add_employee_rows(out, plan, label, group):
    n = int(group["employees"].sum())
    low, high, below = int(group["low"].sum()), int(group["high"].sum()), int(group["below"].sum())
    q = [int(group[c].sum()) for c in ["q1", "q2", "q3", "q4"]]
    out["grade-placement"].append([plan, label, n, low, ratio(low, n), high, ratio(high, n)])
    out["midpoint"].append([plan, label, n, below, ratio(below, n), n - below, ratio(n - below, n)])
    out["quartiles"].append([plan, label, n, *q, *[ratio(c, n) for c in q]])
    out["tenure"].append([plan, "Average" if label == "Total" else label, n, ratio(float(group["days"].sum()), n * DAYS_PER_YEAR)])


def nan_none(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


def mean(values):
    return sum(values) / len(values) if values else None


COLUMNS = {
    "pay-plan-summary": ["Plan", "Grade", "Minimum", "Midpoint", "Maximum", "Steps", "Average Step Progression", "Range Spread", "Employees"],
    "grade-placement": ["Plan", "Grade", "Employees", "At or Below Minimum", "% At or Below Minimum", "At or Above Maximum", "% At or Above Maximum"],
    "midpoint": ["Plan", "Grade", "Employees", "Below Midpoint", "% Below Midpoint", "At or Above Midpoint", "% At or Above Midpoint"],
    "quartiles": ["Plan", "Grade", "Employees", "Q1", "Q2", "Q3", "Q4", "% Q1", "% Q2", "% Q3", "% Q4"],
    "job-families": ["Job Family", "Employees", "Classes", "% of Total"],
    "tenure": ["Plan", "Grade", "Employees", "Average Tenure"],
    "schedule-audit": ["Plan", "Grade", "Step", "Severity", "Message"],
    "unmatched-employees": ["Employee ID", "Plan", "Grade", "Reason"],
}


def main():
    parser = argparse.ArgumentParser()
    for name in ["plans", "roster", "as-of", "xlsx", "json"]:
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    as_of = pd.Timestamp(getattr(args, "as_of"))
    grades, audit = read_plans(args.plans)
    roster = pd.read_csv(args.roster, dtype=str, keep_default_na=False)
    placed, unmatched = place(roster, grades, as_of)
    out = exhibits(grades, audit, placed, unmatched)
    with pd.ExcelWriter(args.xlsx, engine="xlsxwriter") as writer:
        for exhibit, rows in out.items():
            pd.DataFrame(rows, columns=COLUMNS[exhibit]).to_excel(writer, sheet_name=exhibit[:31], index=False)
    document = {
        "asOf": getattr(args, "as_of"),
        "exhibits": [
            {"id": exhibit, "columns": COLUMNS[exhibit], "rows": [dict(zip(COLUMNS[exhibit], map(plain, row))) for row in rows]}
            for exhibit, rows in out.items()
        ],
    }
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)
        handle.write("\n")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
    sys.stderr.write(f"[peer] maxRSS {usage.ru_maxrss} KiB cpu {cpu_ms:.0f} ms\n")


def plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    return value


if __name__ == "__main__":
    main()
