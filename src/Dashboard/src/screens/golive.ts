import { get, post, remove } from "../api";
import { route } from "../app";
import { el, formatDate } from "../dom";
import type { ApiKey, DeployReadiness, Deployment, Integration, IssuedApiKey } from "../types";
import { actionButton, badge, code, copyButton, emptyState, Feedback, page, table } from "../ui";

/** The secret of a key just issued: shown once, here, with a copy button; the API never shows it again. */
function revealedKey(key: IssuedApiKey): HTMLElement {
  return el("div", { class: "notice success secret", role: "status" },
    el("p", {}, el("strong", {}, "Your new API key. Copy it now: it will not be shown again.")),
    el("code", { class: "key", "data-testid": "issued-key" }, key.key), " ",
    copyButton(() => key.key, "Copy key"));
}

route("/app/projects/:projectId/go-live", async (context) => {
  const project = context.project;
  const base = `/v1/projects/${project.id}`;
  const feedback = new Feedback();

  /** Shows the screen again with the readiness and keys after the change, and the key just issued. */
  const showKey = async (key: IssuedApiKey) => {
    const fresh = await build(key);
    if (!context.alive()) return;
    document.getElementById("main")?.replaceChildren(fresh);
    fresh.querySelector<HTMLButtonElement>(".secret button")?.focus();
  };

  const build = async (issued?: IssuedApiKey) => {
  const [readiness, keys, integration] = await Promise.all([
    get<DeployReadiness>(`${base}/deploy-readiness`),
    get<ApiKey[]>(`${base}/keys`),
    get<Integration>(`${base}/integration`),
  ]);
  const checks = readiness.checks;
  const item = (done: boolean, text: string) =>
    el("li", { class: done ? "readiness-item done" : "readiness-item" }, el("span", { class: "visually-hidden" }, done ? "Done: " : "To do: "), text);

  const keyRows = keys.map((key) => [
    key.name, key.environment, el("code", {}, `${key.prefix}…`), badge(key.status), formatDate(key.createdAt), formatDate(key.lastUsedAt),
    key.status === "active"
      ? actionButton("Revoke", async () => {
        if (!confirm(`Revoke ${key.name}? Calls with it are refused at once.`)) return;
        await remove(`${base}/keys/${key.id}`);
        document.getElementById("main")?.replaceChildren(await build());
      }, feedback, { class: "danger", "aria-label": `Revoke ${key.name}` })
      : "",
  ]);
  // The script is served beside the chat API, at the API's public address.
  const embed = `<script src="${new URL("/widget.js", integration.chatEndpoint).href}" data-project-id="${project.id}" async></script>`;

  return page(`Go live · ${project.name}`,
    el("h2", {}, "Deploy readiness"),
    el("ul", { class: "checklist" },
      item(checks.documents > 0, `Documents uploaded: ${checks.documents}`),
      item(checks.documents > 0 && checks.indexed === checks.documents,
        `Indexed: ${checks.indexed} of ${checks.documents}${checks.inProgress ? ` (${checks.inProgress} in progress)` : ""}${checks.failed ? `, ${checks.failed} failed` : ""}`),
      item(checks.allowedOrigins > 0, `Allowed origins: ${checks.allowedOrigins}`),
      item(checks.widgetEnabled, `Widget ${checks.widgetEnabled ? "enabled" : "disabled"}`),
      item(checks.activeLiveKey, checks.activeLiveKey ? "A live API key is active" : "No live API key yet")),
    readiness.blockers.length
      ? el("ul", { class: "blockers" }, ...readiness.blockers.map((blocker) =>
        el("li", { class: blocker.preventsDeploy ? "error-text" : "" }, blocker.preventsDeploy ? "Blocks deploy: " : "Note: ", blocker.message)))
      : el("p", {}, "Ready to deploy."),
    el("p", {}, "Status: ", badge(readiness.status)),
    el("div", { class: "toolbar" },
      actionButton(checks.activeLiveKey ? "Deploy again (issues a new key)" : "Deploy", async () => {
        const deployment = await post<Deployment>(`${base}/deploy`);
        await showKey(deployment.key);
      }, feedback, { class: "primary" })),
    issued ? revealedKey(issued) : null,
    feedback.element,
    el("h2", {}, "API keys"),
    keys.length === 0 ? emptyState("No key yet: deploy to get one.") : table("API keys", ["Name", "Environment", "Prefix", "Status", "Created", "Last used", ""], keyRows),
    el("div", { class: "toolbar" },
      actionButton("Rotate live key", async () => showKey(await post<IssuedApiKey>(`${base}/keys/rotate`)), feedback),
      actionButton("New test key", async () => showKey(await post<IssuedApiKey>(`${base}/keys`, { name: "Test key", environment: "test" })), feedback)),
    el("h2", {}, "Integrate"),
    el("h3", {}, "Chat API (curl)"),
    el("p", {}, `Send your key in ${integration.authenticationHeader} to ${integration.chatEndpoint}.`),
    code(integration.curlExample, "curl example"), copyButton(() => integration.curlExample, "Copy curl example"),
    el("h3", {}, "Widget (one tag)"),
    el("p", {}, "Paste before </body> on a page of an allowed origin:"),
    code(embed, "Widget embed tag"), copyButton(() => embed, "Copy embed tag"));
  };

  return build();
});
