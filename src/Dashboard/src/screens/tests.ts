import { get, patch, post, remove } from "../api";
import { navigate, route } from "../app";
import { el, formatDate } from "../dom";
import type { KnowledgeDocument, SuggestedTestPrompt, TestPrompt, TestRun, TestRunSummary } from "../types";
import {
  actionButton, badge, checkbox, checked, emptyState, Feedback, field, form, input, lines, numberOrUndefined, page, select, table, valueOf,
} from "../ui";

const pollMilliseconds = 1500;

route("/app/projects/:projectId/tests", async (context) => {
  const project = context.project;
  const base = `/v1/projects/${project.id}`;
  const [prompts, runs, documents] = await Promise.all([
    get<TestPrompt[]>(`${base}/test-prompts`),
    get<TestRunSummary[]>(`${base}/test-runs`, { pageSize: 10 }),
    get<KnowledgeDocument[]>(`${base}/documents`),
  ]);
  const feedback = new Feedback();
  const editorFeedback = new Feedback();
  const editing = prompts.find((prompt) => prompt.id === context.query.get("edit"));
  const documentChoices: [string, string][] = [["", "Any document"],
    ...documents.filter((document) => document.status === "indexed").map((document) => [document.id, document.fileName] as [string, string])];
  const selectedDocument = documents.find((document) => document.fileName === editing?.expectedDocument)?.id ?? "";

  const editor = form(editing ? "Save prompt" : "Add prompt", [
    field("Question", input("question", editing?.question ?? "", { required: true })),
    field("Expected document", select("document", documentChoices, selectedDocument)),
    field("Expected page", input("page", editing?.expectedPage ?? "", { type: "number", min: "1" })),
    field("Answer must contain", input("mustContain", editing?.mustContain.join(", ") ?? ""), "Words or phrases, separated by commas."),
    field("Must refuse (the answer is not in the documents)", checkbox("mustRefuse", editing?.mustRefuse ?? false)),
  ], async (element) => {
    const body = {
      question: valueOf(element, "question"),
      expectedDocumentId: valueOf(element, "document") || null,
      expectedPage: numberOrUndefined(valueOf(element, "page")) ?? null,
      mustContain: lines(valueOf(element, "mustContain")),
      mustRefuse: checked(element, "mustRefuse"),
    };
    if (editing) await patch(`${base}/test-prompts/${editing.id}`, body);
    else await post(`${base}/test-prompts`, body);
    navigate(`/app/projects/${project.id}/tests`);
  }, editorFeedback);

  const suggestionSlot = el("div", {});
  const runSlot = el("div", { "aria-live": "polite" });
  const runId = context.query.get("run");
  // Polls the run until it is done, then reads the screen again so the list of runs shows it done too (also when it
  // finished between reading the list and reading the run).
  const showRun = async (polled: boolean) => {
    if (!runId || !context.alive()) return;
    const run = await get<TestRun>(`${base}/test-runs/${runId}`);
    const inProgress = run.status === "queued" || run.status === "running";
    const listed = runs.find((summary) => summary.id === runId);
    if (!inProgress && (polled || (listed !== undefined && listed.status !== run.status))) return context.reload();
    runSlot.replaceChildren(runView(run));
    if (inProgress) setTimeout(() => void showRun(true).catch((error) => feedback.error(error)), pollMilliseconds);
  };
  await showRun(false);

  return page(`Test prompts · ${project.name}`,
    el("p", { class: "hint" }, "Questions with the answer you expect. Run them after changing documents or settings to catch regressions."),
    feedback.element,
    prompts.length === 0 ? emptyState("No test prompt yet. Add one below or take a suggestion.")
      : table("Test prompts", ["Question", "Expects", ""], prompts.map((prompt) => [
        prompt.question,
        prompt.mustRefuse ? "a refusal" : [prompt.expectedDocument, prompt.expectedPage ? `p. ${prompt.expectedPage}` : null,
          prompt.mustContain.length ? `contains ${prompt.mustContain.join(", ")}` : null].filter(Boolean).join(" · ") || "an answer",
        el("div", { class: "row-actions" },
          el("a", { href: `/app/projects/${project.id}/tests?edit=${prompt.id}`, "aria-label": `Edit: ${prompt.question}` }, "Edit"),
          actionButton("Delete", async () => { await remove(`${base}/test-prompts/${prompt.id}`); await context.reload(); }, feedback,
            { class: "danger", "aria-label": `Delete: ${prompt.question}` })),
      ])),
    el("div", { class: "toolbar" },
      actionButton("Run all prompts", async () => {
        const run = await post<TestRunSummary>(`${base}/test-runs`, {});
        navigate(`/app/projects/${project.id}/tests?run=${run.id}`);
      }, feedback, { class: "primary" }),
      actionButton("Suggest prompts", async () => {
        const suggestions = await get<SuggestedTestPrompt[]>(`${base}/test-prompts/suggested`, { limit: 5 });
        suggestionSlot.replaceChildren(suggestions.length === 0 ? emptyState("No suggestion: upload and index documents first.")
          : table("Suggested prompts", ["Question", "From", ""], suggestions.map((suggestion) => [
            suggestion.question, suggestion.expectedDocument,
            actionButton("Add", async () => {
              await post(`${base}/test-prompts`, { question: suggestion.question, expectedDocumentId: suggestion.expectedDocumentId,
                expectedPage: suggestion.expectedPage, mustContain: suggestion.mustContain });
              await context.reload();
            }, feedback, { "aria-label": `Add: ${suggestion.question}` }),
          ])));
      }, feedback)),
    suggestionSlot,
    runSlot,
    el("h2", {}, editing ? "Edit prompt" : "New prompt"),
    editor,
    el("h2", {}, "Recent runs"),
    runs.length === 0 ? emptyState("No run yet.")
      : table("Test runs", ["Started", "Status", "Passed", "Failed", ""], runs.map((run) => [
        formatDate(run.startedAt), badge(run.status), String(run.passed), String(run.failed),
        el("a", { href: `/app/projects/${project.id}/tests?run=${run.id}` }, "Results"),
      ])));
});

function runView(run: TestRun): HTMLElement {
  const changes = new Map((run.comparison?.prompts ?? []).map((prompt) => [prompt.index, prompt.change]));
  return el("section", { class: "run", "aria-label": "Test run" },
    el("h2", {}, "Run of ", formatDate(run.startedAt)),
    el("p", {}, badge(run.status), ` ${run.evaluated} of ${run.promptCount} evaluated · ${run.passed} passed · ${run.failed} failed`),
    run.failureReason ? el("p", { class: "error-text" }, run.failureReason) : null,
    run.comparison
      ? el("p", {}, `Compared with the previous run: ${run.comparison.regressed} regressed, ${run.comparison.fixed} fixed, ` +
        `${run.comparison.unchanged} unchanged, ${run.comparison.new} new.`)
      : null,
    run.results.length === 0 ? null : table("Results", ["Question", "Result", "Change", "Answer", "Why"], run.results.map((result) => [
      result.question,
      badge(result.passed ? "passed" : "failed"),
      changes.get(result.index) ?? "",
      result.answer,
      result.reasons.join(" "),
    ])));
}
