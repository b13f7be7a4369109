import { ApiError } from "./api";
import { el, uniqueId } from "./dom";

/** A screen's heading and content. */
export function page(title: string, ...content: (Node | null | false)[]): HTMLElement {
  return el("section", { class: "page" }, el("h1", { tabindex: "-1" }, title), ...content);
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.body.error;
  return error instanceof Error ? error.message : String(error);
}

/** The API's error message, announced to screen readers, with its code for support. */
export function errorBox(error: unknown): HTMLElement {
  const box = el("div", { class: "notice error", role: "alert" }, el("strong", {}, messageOf(error)));
  if (error instanceof ApiError) {
    box.append(el("span", { class: "code" }, ` (${error.body.code}, ${error.body.status || "offline"})`));
    for (const [field, problems] of Object.entries(error.body.errors ?? {}))
      box.append(el("div", {}, `${field}: ${problems.join(" ")}`));
  }
  return box;
}

export function emptyState(text: string): HTMLElement {
  return el("div", { class: "empty" }, el("p", {}, text));
}

/** A slot for the outcome of an action: errors (role=alert) and confirmations (role=status). */
export class Feedback {
  readonly element = el("div", { class: "feedback", "aria-live": "polite" });

  error(error: unknown): void {
    this.element.replaceChildren(errorBox(error));
  }

  success(text: string): void {
    this.element.replaceChildren(el("div", { class: "notice success", role: "status" }, text));
  }

  clear(): void {
    this.element.replaceChildren();
  }
}

/** A button that runs an action once at a time, reporting its failure to feedback. */
export function actionButton(label: string, action: () => Promise<unknown>, feedback: Feedback, attributes: Record<string, string> = {}): HTMLButtonElement {
  const button = el("button", { type: "button", ...attributes }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    feedback.clear();
    try {
      await action();
    } catch (error) {
      feedback.error(error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** A form whose submit runs an action (Enter submits; the button is disabled meanwhile). */
export function form(submitLabel: string, fields: Node[], action: (form: HTMLFormElement) => Promise<unknown>, feedback: Feedback): HTMLFormElement {
  const submit = el("button", { type: "submit", class: "primary" }, submitLabel);
  const element = el("form", { class: "form" }, ...fields, el("div", { class: "actions" }, submit), feedback.element);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    feedback.clear();
    try {
      await action(element);
    } catch (error) {
      feedback.error(error);
    } finally {
      submit.disabled = false;
    }
  });
  return element;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A control with its visible label (and an optional hint, read out as its description). */
export function field(label: string, control: Control, hint?: string): HTMLElement {
  control.id ||= uniqueId("field");
  const wrapper = el("div", { class: control instanceof HTMLInputElement && control.type === "checkbox" ? "field check" : "field" });
  const labelElement = el("label", { for: control.id }, label);
  if (control instanceof HTMLInputElement && control.type === "checkbox") wrapper.append(control, labelElement);
  else wrapper.append(labelElement, control);
  if (hint) {
    const hintElement = el("small", { id: uniqueId("hint") }, hint);
    control.setAttribute("aria-describedby", hintElement.id);
    wrapper.append(hintElement);
  }
  return wrapper;
}

export function input(name: string, value: string | number | null | undefined = "", attributes: Record<string, string | boolean> = {}): HTMLInputElement {
  const element = el("input", { name, ...attributes });
  element.value = value === null || value === undefined ? "" : String(value);
  return element;
}

export function checkbox(name: string, checked: boolean): HTMLInputElement {
  const element = el("input", { name, type: "checkbox" });
  element.checked = element.defaultChecked = checked; // the default too, so a form's reset() returns to it
  return element;
}

export function textarea(name: string, value: string | null | undefined, rows = 3): HTMLTextAreaElement {
  const element = el("textarea", { name, rows: String(rows) });
  element.value = value ?? "";
  return element;
}

export function select(name: string, options: (string | [string, string])[], value: string): HTMLSelectElement {
  const element = el("select", { name });
  for (const option of options) {
    const [optionValue, text] = typeof option === "string" ? [option, option] : option;
    element.append(el("option", { value: optionValue }, text));
  }
  element.value = value;
  return element;
}

/** A table with a caption (for screen readers) and header cells; rows are arrays of cells. */
export function table(caption: string, headers: string[], rows: (Node | string)[][]): HTMLElement {
  return el("div", { class: "table-scroll" }, el("table", {},
    el("caption", { class: "visually-hidden" }, caption),
    el("thead", {}, el("tr", {}, ...headers.map((header) => el("th", { scope: "col" }, header)))),
    el("tbody", {}, ...rows.map((row) => el("tr", {}, ...row.map((cell) => el("td", {}, cell)))))));
}

export function badge(text: string, tone = text): HTMLElement {
  return el("span", { class: `badge badge-${tone.replace(/[^a-z_]/g, "")}` }, text.replace(/_/g, " "));
}

/** Copies text to the clipboard and says so (to sighted users on the button, to screen readers through its live label). */
export function copyButton(text: () => string, label: string): HTMLButtonElement {
  const button = el("button", { type: "button", "aria-live": "polite" }, label);
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed: select the text and copy it";
    }
    setTimeout(() => (button.textContent = label), 2500);
  });
  return button;
}

export function code(text: string, label: string): HTMLElement {
  return el("pre", { class: "code-block", tabindex: "0", "aria-label": label }, el("code", {}, text));
}

export function valueOf(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as Control | null;
  return control ? control.value.trim() : "";
}

export function checked(form: HTMLFormElement, name: string): boolean {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
}

/** One origin (or item) per line. */
export function lines(text: string): string[] {
  return text.split(/\r?\n|,/).map((line) => line.trim()).filter((line) => line.length > 0);
}

export function numberOrUndefined(text: string): number | undefined {
  if (text === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
