/**
 * One study option as a field, generated from its OptionSpec: the kind picks the control, the
 * engine's parseOption checks the text (so the message is the engine's, as in the CLI and
 * COMP.EXHIBIT). Blank means the default, which the hint states.
 */
import * as React from "react";
import { Checkbox, Field, Input, Select, Switch, Textarea } from "@fluentui/react-components";
import { RAISE, type OptionSpec } from "../../engine/study";
import { optionError } from "../study";
import type { OptionEditor, OptionFieldProps } from "./option-editor";
import { ScenarioEditor } from "./ScenarioEditor";
import { useStyles } from "./ui";

export type { OptionEditor, OptionFieldProps };

function shownDefault(spec: OptionSpec): string | undefined {
  const value = spec.default;
  if (value === undefined) return undefined;
  if (spec.kind === "percent" && typeof value === "number") return `${Math.round(value * 10000) / 100}%`;
  if (typeof value === "boolean") return value ? "on" : "off";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Editors by option name: a family whose option needs more than a field registers its editor
 * here (its own file, one line); the value stays the option's text, so the store, the saved
 * settings, the CLI and COMP.EXHIBIT read it unchanged.
 */
export const OPTION_EDITORS: Readonly<Record<string, OptionEditor>> = {
  [RAISE.name]: ScenarioEditor,
};

/** An option as the plain field, whatever editor its name has (an editor draws the options it gathers so). */
function PlainField(props: OptionFieldProps): React.JSX.Element {
  return <OptionField {...props} plain />;
}

export function OptionField({
  spec,
  value,
  disabled,
  onChange,
  plain = false,
}: OptionFieldProps & { plain?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const Editor = plain ? undefined : OPTION_EDITORS[spec.name];
  const error = optionError(spec, value);
  // The control's id: a need on the page ("Set the structure adjustment") moves focus here.
  const id = `option-${spec.name}`;
  const fallback = shownDefault(spec);
  const hint = `${spec.description.replace(/^./, (c) => c.toUpperCase())}${fallback && !spec.description.includes("default") ? ` (default ${fallback})` : ""}.`;
  const field = (control: React.ReactElement<Record<string, unknown>>): React.JSX.Element => (
    <Field
      label={spec.label}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error}
      className={styles.field}
    >
      {control}
    </Field>
  );
  if (Editor) return <Editor spec={spec} value={value} disabled={disabled} onChange={onChange} Field={PlainField} />;
  switch (spec.kind) {
    case "flag":
      return field(
        <Switch
          id={id}
          checked={value === "" ? spec.default === true : value === "true"}
          disabled={disabled}
          label={value === "" ? `Default (${fallback ?? "off"})` : value === "true" ? "On" : "Off"}
          onChange={(_, data) => onChange(String(data.checked))}
        />,
      );
    case "choice":
      if (!spec.pattern)
        return field(
          <Select
            id={id}
            className={styles.select}
            value={value}
            disabled={disabled}
            onChange={(_, data) => onChange(data.value)}
          >
            <option value="">Default{fallback ? ` (${fallback})` : ""}</option>
            {(spec.choices ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </Select>,
        );
      break;
    case "choices": {
      const chosen = new Set(value.split(/\r?\n/).filter(Boolean));
      return (
        <fieldset className={styles.tight} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>{spec.label}</legend>
          {(spec.choices ?? []).map((choice) => (
            <Checkbox
              key={choice}
              label={choice}
              disabled={disabled}
              checked={chosen.has(choice)}
              onChange={(_, data) => {
                const next = new Set(chosen);
                if (data.checked === true) next.add(choice);
                else next.delete(choice);
                onChange([...(spec.choices ?? [])].filter((c) => next.has(c)).join("\n"));
              }}
            />
          ))}
        </fieldset>
      );
    }
    case "pairs":
      return field(
        <Textarea
          id={id}
          value={value}
          disabled={disabled}
          resize="vertical"
          placeholder="Name=Value, one per line"
          onChange={(_, data) => onChange(data.value)}
        />,
      );
    case "date":
      return field(
        <Input id={id} type="date" value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)} />,
      );
    default:
      break;
  }
  return field(
    <Input
      id={id}
      value={value}
      disabled={disabled}
      placeholder={spec.kind === "period" ? "2022-07-01..2023-06-30" : fallback}
      inputMode={spec.kind === "number" || spec.kind === "integer" ? "decimal" : undefined}
      onChange={(_, data) => onChange(data.value)}
    />,
  );
}
