import { get, patch, post } from "../api";
import { navigate, route } from "../app";
import { el, formatDate } from "../dom";
import type { InboxConversation, InboxMessage, InboxPage, LeadPage } from "../types";
import {
  actionButton, badge, emptyState, Feedback, field, form, input, numberOrUndefined, page, select, table, textarea, valueOf,
} from "../ui";

const handlings = ["", "bot", "escalated", "human", "resolved"];
const reviewStatuses = ["new", "reviewed", "needs_follow_up"];

route("/app/projects/:projectId/inbox", async (context) => {
  const project = context.project;
  const query = context.query;
  const inbox = await get<InboxPage>("/v1/conversations", {
    ProjectId: project.id, Handling: query.get("handling"), ReviewStatus: query.get("review"), Q: query.get("q"),
    HasNegativeFeedback: query.get("negative") === "on" ? true : undefined, cursor: query.get("cursor"), limit: 25,
  });
  const filters = el("form", { class: "filters", role: "search", "aria-label": "Filter conversations" },
    field("Search", input("q", query.get("q") ?? "", { type: "search" })),
    field("Handling", select("handling", handlings.map((value) => [value, value || "Any"] as [string, string]), query.get("handling") ?? "")),
    field("Review", select("review", [["", "Any"], ...reviewStatuses.map((value) => [value, value.replace(/_/g, " ")] as [string, string])], query.get("review") ?? "")),
    field("Negative feedback only", el("input", { type: "checkbox", name: "negative", checked: query.get("negative") === "on" })),
    el("button", { type: "submit" }, "Filter"));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [name, value] of new FormData(filters)) if (value) search.set(name, String(value));
    navigate(`/app/projects/${project.id}/inbox?${search}`);
  });
  const rows = inbox.items.map((item) => [
    el("a", { href: `/app/projects/${project.id}/inbox/${item.id}` }, item.lastQuestion ?? "(no question)"),
    badge(item.handling), item.reviewStatus.replace(/_/g, " "), String(item.messageCount),
    item.negativeFeedbackCount ? `${item.negativeFeedbackCount} negative` : "", `${item.channel}${item.isTest ? " (test)" : ""}`, formatDate(item.lastMessageAt),
  ]);
  const next = new URLSearchParams(query);
  if (inbox.nextCursor) next.set("cursor", inbox.nextCursor);
  return page(`Inbox · ${project.name}`,
    filters,
    rows.length === 0
      ? emptyState(query.toString() ? "No conversation matches these filters." : "No conversation yet. Ask a question in the widget preview to see one here.")
      : table("Conversations", ["Last question", "Handling", "Review", "Messages", "Feedback", "Channel", "Last message"], rows),
    inbox.nextCursor ? el("a", { href: `/app/projects/${project.id}/inbox?${next}` }, "Older conversations") : null);
});

function message(item: InboxMessage): HTMLElement {
  const who = item.role === "visitor" ? "Visitor" : item.role === "human" ? `${item.authorName ?? "Team"} (human)` : "Assistant";
  return el("li", { class: `message message-${item.role}` },
    el("div", { class: "message-meta" }, el("strong", {}, who), ` · ${formatDate(item.at)}`,
      item.outcome ? el("span", {}, " · ", badge(item.outcome)) : null,
      item.confidence !== undefined && item.confidence !== null ? ` · confidence ${item.confidence.toFixed(2)}` : ""),
    el("p", { class: "message-text" }, item.content),
    item.sources?.length
      ? el("details", {}, el("summary", {}, `Sources (${item.sources.length})`),
        el("ol", {}, ...item.sources.map((source) =>
          el("li", {}, el("strong", {}, source.title), source.pageNumber ? ` p. ${source.pageNumber}` : "", el("blockquote", {}, source.excerpt)))))
      : null,
    item.feedback
      ? el("p", { class: "feedback-given" }, item.feedback.helpful ? "Visitor found this helpful" : "Visitor found this unhelpful",
        item.feedback.comment ? `: “${item.feedback.comment}”` : "")
      : null);
}

route("/app/projects/:projectId/inbox/:conversationId", async (context) => {
  const project = context.project;
  const conversation = await get<InboxConversation>(`/v1/conversations/${context.params.conversationId}`);
  const base = `/v1/projects/${project.id}/conversations/${conversation.id}`;
  const feedback = new Feedback();
  const replyFeedback = new Feedback();
  const reviewFeedback = new Feedback();
  const reload = () => context.reload();
  return page("Conversation",
    el("p", {}, el("a", { href: `/app/projects/${project.id}/inbox` }, "← Inbox"), " · ",
      el("a", { href: `/app/projects/${project.id}/audit?conversation=${conversation.id}` }, "History of this conversation")),
    el("p", {}, "Handling: ", badge(conversation.handling), ` · ${conversation.channel} · started ${formatDate(conversation.startedAt)}`,
      conversation.pageUrl ? ` · on ${conversation.pageUrl}` : ""),
    el("ol", { class: "messages", "aria-label": "Messages" }, ...conversation.messages.map(message)),
    el("h2", {}, "Reply as a person"),
    el("p", { class: "hint" }, "The visitor sees your reply in the widget; the bot stops answering until you hand the conversation back."),
    form("Send reply", [field("Reply", textarea("content", "", 3))], async (element) => {
      await post(`${base}/replies`, { content: valueOf(element, "content") });
      await reload();
    }, replyFeedback),
    el("div", { class: "toolbar" },
      actionButton("Hand back to the bot", async () => { await post(`${base}/handback`); await reload(); }, feedback),
      actionButton("Resolve", async () => { await post(`${base}/resolve`); await reload(); }, feedback)),
    feedback.element,
    el("h2", {}, "Review"),
    form("Save review", [
      field("Review status", select("reviewStatus", reviewStatuses.map((value) => [value, value.replace(/_/g, " ")] as [string, string]), conversation.reviewStatus)),
      field("Rating (1–5)", input("rating", conversation.rating, { type: "number", min: "1", max: "5" })),
      field("Notes", textarea("notes", conversation.notes, 3)),
    ], async (element) => {
      await patch(`/v1/conversations/${conversation.id}`, {
        reviewStatus: valueOf(element, "reviewStatus"), rating: numberOrUndefined(valueOf(element, "rating")) ?? null, notes: valueOf(element, "notes"),
      });
      reviewFeedback.success("Review saved.");
    }, reviewFeedback));
});

route("/app/projects/:projectId/leads", async (context) => {
  const leads = await get<LeadPage>("/v1/leads", { projectId: context.project.id, pageSize: 50 });
  const feedback = new Feedback();
  const rows = leads.items.map((lead) => {
    const status = select("status", ["new", "contacted", "won", "lost"], lead.status);
    status.setAttribute("aria-label", `Status of the lead ${lead.email ?? lead.phone ?? lead.id}`);
    status.addEventListener("change", async () => {
      try {
        await patch(`/v1/leads/${lead.id}`, { status: status.value });
        feedback.success("Lead updated.");
      } catch (error) {
        status.value = lead.status;
        feedback.error(error);
      }
    });
    return [lead.name ?? "—", lead.email ?? "—", lead.phone ?? "—", lead.message ?? "", lead.source, status,
      lead.conversationId ? el("a", { href: `/app/projects/${context.project.id}/inbox/${lead.conversationId}` }, "Conversation") : "",
      formatDate(lead.createdAt)];
  });
  return page(`Leads · ${context.project.name}`, feedback.element,
    rows.length === 0 ? emptyState("No lead yet. Visitors who ask for a person and leave an email or phone appear here.")
      : table("Leads", ["Name", "Email", "Phone", "Message", "Source", "Status", "", "Created"], rows),
    leads.hasMore ? el("p", {}, "Showing the 50 most recent leads.") : null,
    actionButton("Refresh", () => context.reload(), feedback));
});
