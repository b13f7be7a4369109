import { get, post } from "../api";
import { route } from "../app";
import { lineChart } from "../chart";
import { el, percent } from "../dom";
import type { AnalyticsSummary, KnowledgeGapList, TopQuestion } from "../types";
import { actionButton, emptyState, Feedback, page, table } from "../ui";

function questions(caption: string, items: TopQuestion[], empty: string): HTMLElement {
  return items.length === 0 ? emptyState(empty)
    : table(caption, ["Question", "Asked", "Unanswered", "Negative feedback"],
      items.map((item) => [item.question, String(item.asked), String(item.unanswered), String(item.negativeFeedback)]));
}

route("/app/projects/:projectId/analytics", async (context) => {
  const project = context.project;
  const [summary, gaps] = await Promise.all([
    get<AnalyticsSummary>("/v1/analytics/summary", { projectId: project.id }),
    get<KnowledgeGapList>(`/v1/projects/${project.id}/knowledge-gaps`, { status: "open" }),
  ]);
  const totals = summary.totals;
  const feedback = new Feedback();
  const kpi = (label: string, value: string) => el("div", { class: "kpi" }, el("span", { class: "kpi-value" }, value), el("span", { class: "kpi-label" }, label));
  const days = summary.daily.map((day) => day.date);
  return page(`Analytics · ${project.name}`,
    el("p", { class: "hint" }, `From ${summary.from.slice(0, 10)} to ${summary.to.slice(0, 10)}.`),
    el("div", { class: "kpis", "data-testid": "kpis" },
      kpi("Conversations", String(totals.conversations)), kpi("Messages", String(totals.messages)),
      kpi("Answered", percent(totals.answeredRate)), kpi("Unanswered", String(totals.unanswered)),
      kpi("Escalations", String(totals.escalations)), kpi("Leads", String(totals.leads)),
      kpi("Helpful / unhelpful", `${totals.positiveFeedback} / ${totals.negativeFeedback}`),
      kpi("Median latency", totals.latencyP50Ms === null ? "—" : `${Math.round(totals.latencyP50Ms)} ms`)),
    lineChart("Conversations and messages per day", days, [
      { name: "Conversations", className: "series-1", values: summary.daily.map((day) => day.conversations) },
      { name: "Messages", className: "series-2", values: summary.daily.map((day) => day.messages) },
    ]),
    lineChart("Answered and unanswered per day", days, [
      { name: "Answered", className: "series-3", values: summary.daily.map((day) => day.answered) },
      { name: "Unanswered", className: "series-4", values: summary.daily.map((day) => day.unanswered) },
    ]),
    el("h2", {}, "Top questions"),
    questions("Top questions", summary.topQuestions, "No question asked in this period."),
    el("h2", {}, "Top unanswered"),
    questions("Top unanswered questions", summary.topUnanswered, "Every question was answered."),
    el("h2", {}, "Knowledge gaps"),
    feedback.element,
    gaps.items.length === 0 ? emptyState("No open knowledge gap: nothing visitors ask is missing from your documents.")
      : table("Knowledge gaps", ["Suggestion", "Asked", "Unanswered", ""], gaps.items.map((gap) => [
        el("div", {}, el("strong", {}, gap.suggestion), el("div", { class: "hint" }, `e.g. “${gap.question}”`)),
        String(gap.asked), String(gap.unanswered),
        el("div", { class: "row-actions" },
          actionButton("Done", async () => { await post(`/v1/projects/${project.id}/knowledge-gaps/${gap.id}/done`); await context.reload(); }, feedback,
            { "aria-label": `Mark done: ${gap.suggestion}` }),
          actionButton("Dismiss", async () => { await post(`/v1/projects/${project.id}/knowledge-gaps/${gap.id}/dismiss`); await context.reload(); }, feedback,
            { "aria-label": `Dismiss: ${gap.suggestion}` })),
      ])));
});
