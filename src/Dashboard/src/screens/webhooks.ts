import { get, patch, post, remove } from "../api";
import { route } from "../app";
import { el, formatDate } from "../dom";
import type { Webhook, WebhookDelivery } from "../types";
import { actionButton, badge, checkbox, code, copyButton, emptyState, Feedback, field, form, input, page, table, valueOf } from "../ui";

const events = [
  "conversation.started", "new_lead", "escalation.requested", "feedback.negative", "question.unanswered", "document.indexed", "document.failed",
];

/** A signing secret, which the API shows only when it is created or rotated. */
function revealedSecret(webhook: Webhook): HTMLElement | null {
  if (!webhook.secret) return null;
  const secret = webhook.secret;
  return el("div", { class: "notice success secret", role: "status" },
    el("p", {}, el("strong", {}, "The signing secret of this webhook. Copy it now: it will not be shown again.")),
    el("code", { class: "key" }, secret), " ", copyButton(() => secret, "Copy secret"));
}

route("/app/projects/:projectId/webhooks", async (context) => {
  const base = `/v1/projects/${context.project.id}/webhooks`;
  const feedback = new Feedback();
  const createFeedback = new Feedback();
  const revealed = el("div", {});
  const list = el("div", {});

  const deliveries = async (webhook: Webhook, slot: HTMLElement) => {
    const items = await get<WebhookDelivery[]>(`${base}/${webhook.id}/deliveries`, { pageSize: 20 });
    slot.replaceChildren(items.length === 0 ? emptyState("No delivery yet.")
      : table(`Deliveries to ${webhook.url}`, ["Event", "Status", "Attempts", "Last answer", "Created", ""], items.map((delivery) => [
        delivery.eventType, badge(delivery.status), String(delivery.attempts),
        delivery.lastStatusCode ? String(delivery.lastStatusCode) : delivery.lastError ?? "—",
        formatDate(delivery.createdAt),
        actionButton("Redeliver", async () => {
          await post(`${base}/${webhook.id}/deliveries/${delivery.id}/redeliver`);
          await deliveries(webhook, slot);
        }, feedback, { "aria-label": `Redeliver ${delivery.eventType} of ${formatDate(delivery.createdAt)}` }),
      ])));
  };

  const refresh = async () => {
    const webhooks = await get<Webhook[]>(base);
    list.replaceChildren(webhooks.length === 0 ? emptyState("No webhook yet. Add one to be told about leads, escalations and more.")
      : el("ul", { class: "cards" }, ...webhooks.map((webhook) => {
        const log = el("div", {});
        return el("li", { class: "card" },
          el("h3", {}, webhook.url),
          el("p", {}, badge(webhook.active ? "active" : "disabled"), webhook.disabledReason ? ` (${webhook.disabledReason.replace(/_/g, " ")})` : "",
            ` · ${webhook.events.join(", ")}`),
          el("div", { class: "row-actions" },
            actionButton("Send test", async () => {
              await post(`${base}/${webhook.id}/test`);
              feedback.success(`A test event is on its way to ${webhook.url}.`);
              await deliveries(webhook, log);
            }, feedback),
            actionButton("Deliveries", () => deliveries(webhook, log), feedback),
            actionButton(webhook.active ? "Disable" : "Enable", async () => {
              await patch(`${base}/${webhook.id}`, { active: !webhook.active });
              await refresh();
            }, feedback),
            actionButton("Rotate secret", async () => {
              revealed.replaceChildren(revealedSecret(await post<Webhook>(`${base}/${webhook.id}/rotate-secret`)) ?? "");
            }, feedback),
            actionButton("Delete", async () => {
              if (!confirm(`Delete the webhook to ${webhook.url}?`)) return;
              await remove(`${base}/${webhook.id}`);
              await refresh();
            }, feedback, { class: "danger" })),
          log);
      })));
  };

  await refresh();
  return page(`Webhooks · ${context.project.name}`,
    el("p", { class: "hint" }, "Each delivery is signed with the webhook's secret in X-CleanRag-Signature; check it before trusting a payload."),
    revealed,
    feedback.element,
    list,
    el("h2", {}, "New webhook"),
    form("Add webhook", [
      field("URL", input("url", "", { type: "url", required: true, placeholder: "https://…" })),
      el("fieldset", {}, el("legend", {}, "Events"), ...events.map((event) => field(event, checkbox(`event:${event}`, true)))),
    ], async (element) => {
      const created = await post<Webhook>(base, {
        url: valueOf(element, "url"),
        events: events.filter((event) => (element.elements.namedItem(`event:${event}`) as HTMLInputElement).checked),
      });
      revealed.replaceChildren(revealedSecret(created) ?? "");
      element.reset();
      await refresh();
    }, createFeedback),
    code("X-CleanRag-Signature: sha256=<hex HMAC-SHA256 of the raw request body, keyed with the secret>", "Signature header"));
});
