/**
 * HTML escaping for everything the report prints. Roster text is hostile until proven
 * otherwise (a job title such as `<img src=x onerror=…>`): every string goes through here,
 * in element content and in attribute values alike.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes &, <, >, " and ' — safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}
