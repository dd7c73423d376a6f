/** Words the pane shows, with plural agreement in one place ("1 row", "2 rows"). */

/** "1 sheet", "8 sheets", "1,176 employees". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** "a" or "an" before a word, by its first letter: "an Ethnicity column", "a Gender column". */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A date as people here read it: 2013-04-01 → "Apr 1, 2013". */
export function shownDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${months[month - 1]} ${day}, ${year}`;
}

/** Money as people read it, with cents when asked: 48360 → "$48,360", 13 → "$13.00". */
export function shownMoney(value: number, cents: boolean): string {
  const digits = cents ? 2 : 0;
  return `${value < 0 ? "-" : ""}$${Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** What one pay figure of a unit pays for: "a year", "an hour". */
export const PER_UNIT: Readonly<Record<"hourly" | "daily" | "monthly" | "annual", string>> = {
  hourly: "an hour",
  daily: "a day",
  monthly: "a month",
  annual: "a year",
};
