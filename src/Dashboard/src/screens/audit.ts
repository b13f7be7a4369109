import { get } from "../api";
import { navigate, route } from "../app";
import { el, formatDate } from "../dom";
import type { AggregateHistory } from "../types";
import { emptyState, field, input, page } from "../ui";

/**
 * The event history of a project or of one of its conversations, and the state as of any event of it: the API
 * rebuilds the aggregate from its events up to that version.
 */
route("/app/projects/:projectId/audit", async (context) => {
  const project = context.project;
  const conversationId = context.query.get("conversation");
  const version = context.query.get("version");
  const asOf = context.query.get("asOf");
  const stream = conversationId ? `/v1/projects/${project.id}/conversations/${conversationId}/events` : `/v1/projects/${project.id}/events`;
  // Without a version the API lists the events only; the current state is the state as of the last of them.
  const latest = await get<AggregateHistory>(stream);
  const history = await get<AggregateHistory>(stream, asOf ? { asOf } : { version: version ?? latest.version });
  const here = (query: Record<string, string>) => {
    const search = new URLSearchParams(query);
    if (conversationId) search.set("conversation", conversationId);
    return `/app/projects/${project.id}/audit?${search}`;
  };

  const chooser = el("form", { class: "filters", "aria-label": "Choose a history" },
    field("Conversation id (empty: the project)", input("conversation", conversationId ?? "", { autocomplete: "off" })),
    field("State as of (your local time; empty: now)", input("asOf", "", { type: "datetime-local", step: "1" })),
    el("button", { type: "submit" }, "Show history"));
  chooser.addEventListener("submit", (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    const conversation = (chooser.elements.namedItem("conversation") as HTMLInputElement).value.trim();
    const moment = (chooser.elements.namedItem("asOf") as HTMLInputElement).value;
    if (conversation) search.set("conversation", conversation);
    if (moment) search.set("asOf", new Date(moment).toISOString());
    navigate(`/app/projects/${project.id}/audit?${search}`);
  });

  const shownVersion = history.version;
  return page(conversationId ? "Audit · conversation" : `Audit · ${project.name}`,
    chooser,
    latest.events.length === 0 ? emptyState("No event recorded.")
      : el("ol", { class: "events", "aria-label": "Events" }, ...latest.events.map((event) => el("li", { class: event.version === shownVersion ? "current" : "" },
        el("a", { href: here({ version: String(event.version) }), "aria-current": event.version === shownVersion ? "true" : undefined },
          `#${event.version} ${event.type}`),
        el("span", { class: "hint" }, ` ${formatDate(event.timestamp)}${event.actorId ? ` · by ${event.actorId}` : ""}`)))),
    el("h2", {}, version || asOf ? `State as of event #${shownVersion}` : `Current state (event #${shownVersion})`),
    el("pre", { class: "code-block", tabindex: "0", "aria-label": "State" }, el("code", {}, JSON.stringify(history.state, null, 2))));
});
