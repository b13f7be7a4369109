import { patch, remove } from "../api";
import { navigate, route } from "../app";
import { el } from "../dom";
import type { Project } from "../types";
import {
  actionButton, badge, checkbox, checked, Feedback, field, form, input, lines, numberOrUndefined, page, textarea, valueOf,
} from "../ui";

route("/app/projects/:projectId/settings", async (context) => {
  const project = context.project;
  const settings = project.settings;
  const feedback = new Feedback();
  const archiveFeedback = new Feedback();
  return page(`Settings · ${project.name}`,
    el("p", {}, "Status: ", badge(project.status)),
    form("Save settings", [
      field("Project name", input("name", project.name, { required: true })),
      field("Description", textarea("description", project.description, 2)),
      field("Allowed origins", textarea("origins", settings.allowedOrigins.join("\n")),
        "One origin per line (scheme and host, like https://www.example.com). Browsers on other sites are refused."),
      field("Widget enabled", checkbox("widgetEnabled", settings.widgetEnabled ?? false)),
      field("System prompt", textarea("systemPrompt", settings.systemPrompt, 4)),
      field("Question max length", input("questionMaxLength", settings.questionMaxLength, { type: "number", min: "1" })),
      el("fieldset", {}, el("legend", {}, "Retrieval"),
        field("Passages per answer (top K)", input("topK", settings.retrieval.topK, { type: "number", min: "1" })),
        field("Keyword weight (0–1)", input("lexicalWeight", settings.retrieval.lexicalWeight, { type: "number", min: "0", max: "1", step: "0.05" }),
          "Share of the hybrid score from keyword (BM25) matching; the rest is semantic similarity. Empty: the default."),
        field("Minimum relevance", input("minimumRelevance", settings.retrieval.minimumRelevance, { type: "number", min: "0", max: "1", step: "0.01" }))),
    ], async (element) => {
      await patch<Project>(`/v1/projects/${project.id}`, {
        name: valueOf(element, "name"),
        description: valueOf(element, "description"),
        allowedOrigins: lines(valueOf(element, "origins")),
        widgetEnabled: checked(element, "widgetEnabled"),
        systemPrompt: valueOf(element, "systemPrompt"),
        questionMaxLength: numberOrUndefined(valueOf(element, "questionMaxLength")),
        retrieval: {
          topK: numberOrUndefined(valueOf(element, "topK")),
          lexicalWeight: numberOrUndefined(valueOf(element, "lexicalWeight")),
          minimumRelevance: numberOrUndefined(valueOf(element, "minimumRelevance")),
        },
      }, project.version);
      await context.reload("Saved.");
    }, feedback),
    el("h2", {}, "Archive"),
    project.status === "archived"
      ? el("p", {}, "This project is archived: its keys are revoked and its widget is off.")
      : el("div", {},
        el("p", {}, "Archiving revokes the project's keys and turns its widget off. Its conversations and documents stay readable."),
        actionButton("Archive project", async () => {
          if (!confirm(`Archive ${project.name}?`)) return;
          await remove(`/v1/projects/${project.id}`);
          navigate("/app/projects");
        }, archiveFeedback, { class: "danger" }),
        archiveFeedback.element));
});
