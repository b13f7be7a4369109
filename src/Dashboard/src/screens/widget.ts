import { get, patch, post } from "../api";
import { route } from "../app";
import { el } from "../dom";
import type { OpeningRange, PreviewLink, WidgetConfig } from "../types";
import { checkbox, checked, Feedback, field, form, input, lines, page, select, textarea, valueOf } from "../ui";

/** Weekly opening hours as the owner types them: one "monday 09:00-17:00" per line. */
function formatHours(weekly: OpeningRange[]): string {
  return weekly.map((range) => `${range.day} ${range.open}-${range.close}`).join("\n");
}

function parseHours(text: string): OpeningRange[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line).map((line) => {
    const [day = "", hours = ""] = line.split(/\s+/, 2);
    const [open = "", close = ""] = hours.split("-");
    return { day: day.toLowerCase(), open, close };
  });
}

route("/app/projects/:projectId/widget", async (context) => {
  const base = `/v1/projects/${context.project.id}`;
  let config = await get<WidgetConfig>(`${base}/widget-config`);
  const feedback = new Feedback();
  const frame = el("iframe", { title: "Widget preview", class: "preview-frame" });

  // The preview is the real widget (/widget.js) on the API's preview page, behind a short-lived link.
  const loadPreview = async () => {
    const link = await post<PreviewLink>(`${base}/widget-preview-link`);
    frame.src = link.url;
  };

  const colour = input("color", config.color, { type: "color" });
  const editor = form("Save widget", [
    field("Display name", input("displayName", config.displayName)),
    field("Colour", colour),
    field("Gradient stops", input("gradient", config.gradientStops.join(", ")), "Optional: two or more colours separated by commas, like #0a84ff, #6f42c1."),
    field("Position", select("position", [["bottom-right", "Bottom right"], ["bottom-left", "Bottom left"]], config.position)),
    field("Welcome message", textarea("welcome", config.welcome, 2)),
    field("Avatar URL", input("avatar", config.avatar, { type: "url", placeholder: "https://…" })),
    field("Show “Powered by CleanRag”", checkbox("showBranding", config.showBranding)),
    field("Custom CSS", textarea("customCss", config.customCss, 4), "Applied inside the widget."),
    el("fieldset", {}, el("legend", {}, "Office hours"),
      field("Use office hours", checkbox("officeHoursEnabled", config.officeHours.enabled)),
      field("Time zone", input("timeZone", config.officeHours.timeZone), "An IANA name like Europe/Paris."),
      field("Opening hours", textarea("weekly", formatHours(config.officeHours.weekly), 4), "One line per range: monday 09:00-17:00."),
      field("Message when closed", textarea("closedMessage", config.officeHours.closedMessage, 2))),
  ], async (element) => {
    config = await patch<WidgetConfig>(`${base}/widget-config`, {
      displayName: valueOf(element, "displayName"),
      color: valueOf(element, "color"),
      gradientStops: lines(valueOf(element, "gradient")),
      position: valueOf(element, "position"),
      welcome: valueOf(element, "welcome"),
      avatar: valueOf(element, "avatar"),
      showBranding: checked(element, "showBranding"),
      customCss: valueOf(element, "customCss"),
      officeHours: {
        enabled: checked(element, "officeHoursEnabled"),
        timeZone: valueOf(element, "timeZone"),
        weekly: parseHours(valueOf(element, "weekly")),
        closedMessage: valueOf(element, "closedMessage"),
      },
    }, config.version);
    // Browsers may keep the public config for a minute (Cache-Control: max-age=60); fetch it afresh, which replaces
    // the cached copy the preview's widget then reads.
    await fetch(`/api/widget/config?id=${encodeURIComponent(context.project.id)}`, { cache: "reload" });
    await loadPreview();
    feedback.success("Saved. The preview shows the new look.");
  }, feedback);

  await loadPreview();
  return page(`Widget · ${context.project.name}`,
    context.project.settings.widgetEnabled ? null : el("p", { class: "notice" }, "The widget is switched off for this project: turn it on in Settings before embedding it."),
    el("div", { class: "split" },
      el("div", {}, editor),
      el("div", { class: "preview" }, el("h2", {}, "Live preview"),
        el("p", { class: "hint" }, "The real widget, as visitors see it. Questions asked here are recorded as conversations."),
        frame)));
});
