import { Citation, RefusedError, ServerMessage, StreamBrokenError, WidgetApi, WidgetConfig, toCitations } from "./api";
import { chatIcon, el, focusables, thumbIcon } from "./dom";
import { VisitorStore } from "./storage";
import { styles } from "./styles";

export interface WidgetOptions {
  projectId: string;
  apiBase: string;
  pollInterval: number;
}

type NoticeState = "offline" | "unreachable" | "rate_limited" | "disabled" | "error";

/** One message in the transcript. */
interface MessageView {
  root: HTMLElement;
  text: HTMLElement;
  citations?: HTMLOListElement;
  richCitations?: boolean;
}

const hexColor = /^#[0-9a-fA-F]{6}$/;

/** The floating bubble and its chat panel, inside an open shadow root on the page. */
export class ChatWidget {
  private readonly api: WidgetApi;
  private readonly store: VisitorStore;
  private readonly host = el("div", { id: "cleanrag-widget", "data-testid": "cleanrag-widget" });
  private readonly shadow: ShadowRoot;
  private readonly bubble: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly title = el("h2", { id: "cleanrag-title" }, "Chat with us");
  private readonly avatar = el("img", { alt: "", hidden: true });
  private readonly log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", "data-testid": "cleanrag-log" });
  private readonly notice = el("p", { class: "notice", role: "status", "data-testid": "cleanrag-notice", hidden: true });
  private readonly input = el("textarea", { rows: "1", "aria-label": "Your question", placeholder: "Ask a question…", "data-testid": "cleanrag-input", maxlength: "1000" });
  private readonly send = el("button", { type: "submit", class: "primary", "data-testid": "cleanrag-send" }, "Send");
  private readonly escalateButton = el("button", { type: "button", class: "link", "data-testid": "cleanrag-escalate", hidden: true }, "Talk to a person");
  private readonly escalateForm: HTMLFormElement;
  private readonly email = el("input", { type: "email", required: true, autocomplete: "email", "data-testid": "cleanrag-escalate-email" });
  private readonly escalateMessage = el("textarea", { rows: "2", "data-testid": "cleanrag-escalate-message", maxlength: "1000" });
  private readonly brand = el("p", { class: "brand" }, "Powered by CleanRag");
  private readonly messages = new Map<string, MessageView>();
  private config: WidgetConfig = {};
  private conversationId: string | null;
  private since: string | null = null;
  private restored = false;
  private busy = false;
  private disabled = false;
  private pollTimer: number | undefined;
  private polling = false;

  constructor(private readonly options: WidgetOptions) {
    this.api = new WidgetApi(options.apiBase, options.projectId);
    this.store = new VisitorStore(options.projectId);
    this.conversationId = this.store.conversationId;
    // Open, so assistive technology and tests reach the widget's elements; styles stay scoped all the same.
    this.shadow = this.host.attachShadow({ mode: "open" });
    this.adoptStyles(styles);

    this.bubble = el("button", { type: "button", class: "bubble", "aria-label": "Open chat", "aria-expanded": "false",
      "aria-controls": "cleanrag-panel", "data-testid": "cleanrag-bubble" }, chatIcon());
    const close = el("button", { type: "button", class: "icon", "aria-label": "Close chat", "data-testid": "cleanrag-close" }, "×");
    const ask = el("form", { class: "ask" }, this.input, this.send);
    this.escalateForm = this.buildEscalateForm();
    this.panel = el("section", { id: "cleanrag-panel", class: "panel", role: "dialog", "aria-modal": "true", "aria-labelledby": "cleanrag-title",
      "data-testid": "cleanrag-panel", hidden: true },
      el("header", {}, this.avatar, this.title, close), this.log, this.notice, this.escalateButton, this.escalateForm, ask, this.brand);
    this.shadow.append(this.panel, this.bubble);

    this.bubble.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
    close.addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (event) => this.onKeyDown(event));
    ask.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.ask();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        void this.ask();
      }
    });
    this.escalateButton.addEventListener("click", () => this.showEscalateForm(true));
    window.addEventListener("offline", () => this.showNotice("offline", "You're offline. Your messages will send once you're back online."));
    window.addEventListener("online", () => this.clearNotice("offline"));
    this.syncEscalateButton();
  }

  mount(): void {
    document.body.append(this.host);
    if (!navigator.onLine) this.showNotice("offline", "You're offline. Your messages will send once you're back online.");
    void this.loadConfig();
  }

  private adoptStyles(css: string): void {
    // Constructed style sheets are not inline styles, so a page's strict style-src CSP does not block them.
    if ("adoptedStyleSheets" in this.shadow && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.shadow.adoptedStyleSheets = [...this.shadow.adoptedStyleSheets, sheet];
    } else {
      this.shadow.append(el("style", {}, css));
    }
  }

  private async loadConfig(): Promise<void> {
    try {
      this.applyConfig(await this.api.config());
    } catch (error) {
      // The project is gone or its widget switched off. Anything else keeps the defaults: the chat itself says more.
      if (error instanceof RefusedError && ["project_not_found", "widget_disabled"].includes(error.body.code)) this.disable();
    }
  }

  private applyConfig(config: WidgetConfig): void {
    this.config = config;
    const settings = config.settings ?? {};
    if (config.name) this.title.textContent = config.name;
    const style = this.host.style;
    if (settings.color && hexColor.test(settings.color)) style.setProperty("--cr-accent", settings.color);
    const stops = (settings.gradient_stops ?? []).filter((stop) => hexColor.test(stop));
    if (stops.length > 1) style.setProperty("--cr-gradient", `linear-gradient(135deg, ${stops.join(", ")})`);
    this.host.classList.toggle("left", settings.position === "bottom-left");
    if (settings.avatar && /^https?:\/\//i.test(settings.avatar)) {
      this.avatar.src = settings.avatar;
      this.avatar.hidden = false;
    }
    this.brand.hidden = settings.show_branding === false;
    if (settings.custom_css) this.adoptStyles(settings.custom_css);
    if (settings.welcome && !this.log.querySelector("[data-role=welcome]")) {
      this.log.prepend(el("div", { class: "msg", "data-role": "welcome", "data-testid": "cleanrag-welcome" }, settings.welcome));
    }
    this.syncEscalateButton();
  }

  /** Whether the plan lets a visitor ask for a person (the API refuses the escalation otherwise). */
  private get handoffOffered(): boolean {
    return this.config.plan_features?.human_handoff !== false;
  }

  private open(): void {
    this.panel.hidden = false;
    this.bubble.setAttribute("aria-expanded", "true");
    this.bubble.setAttribute("aria-label", "Close chat");
    this.input.focus();
    void this.restore();
    this.pollTimer = window.setInterval(() => void this.poll(), this.options.pollInterval);
  }

  private close(): void {
    this.panel.hidden = true;
    this.bubble.setAttribute("aria-expanded", "false");
    this.bubble.setAttribute("aria-label", "Open chat");
    window.clearInterval(this.pollTimer);
    this.bubble.focus();
  }

  /** Tab stays inside the open panel (it is a modal dialog); Escape closes it. */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
      return;
    }
    if (event.key !== "Tab") return;
    const items = focusables(this.panel);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = this.shadow.activeElement;
    if (event.shiftKey && (active === first || !this.panel.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !this.panel.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  /** A reopened page shows the stored conversation: the whole transcript, once, from the server. */
  private async restore(): Promise<void> {
    if (this.restored || !this.conversationId) return;
    this.restored = true;
    try {
      this.merge(await this.api.messages(this.conversationId));
    } catch (error) {
      if (error instanceof RefusedError && error.body.code === "conversation_not_found") this.forgetConversation();
    }
  }

  /** Human replies from the dashboard, asked for every poll interval while the panel is open. */
  private async poll(): Promise<void> {
    if (this.polling || !this.conversationId || this.disabled) return;
    this.polling = true;
    try {
      this.merge(await this.api.messages(this.conversationId, this.since ?? undefined));
    } catch {
      // The next poll tries again; the chat reports lasting problems.
    } finally {
      this.polling = false;
    }
  }

  /** Adds the messages not shown yet, by id, and moves `since` to the newest one seen. */
  private merge(messages: ServerMessage[]): void {
    for (const message of messages) {
      if (!this.since || message.created_at > this.since) this.since = message.created_at;
      if (!message.id || this.messages.has(message.id)) continue;
      const human = message.role === "assistant" && Array.isArray(message.sources) && message.sources.includes("human_reply");
      const view = this.addMessage(message.role === "user" ? "user" : human ? "human" : "assistant", message.content, message.id);
      if (message.role === "assistant" && !human) {
        this.showCitations(view, toCitations(message.sources), false);
        this.addRating(view, message.id);
      }
    }
  }

  private addMessage(role: "user" | "assistant" | "human", content: string, id?: string): MessageView {
    const text = el("span", { class: "text", "data-testid": "cleanrag-message-text" }, content);
    const who = role === "user" ? "You" : role === "human" ? "Team" : "Assistant";
    const root = el("div", { class: `msg ${role}`, "data-role": role, "data-testid": "cleanrag-message" }, el("span", { class: role === "human" ? "who" : "sr" }, who + ": "), text);
    const view: MessageView = { root, text };
    if (id) this.identify(view, id);
    this.log.append(root);
    this.log.scrollTop = this.log.scrollHeight;
    return view;
  }

  private identify(view: MessageView, id: string): void {
    view.root.setAttribute("data-message-id", id);
    this.messages.set(id, view);
  }

  private async ask(): Promise<void> {
    const question = this.input.value.trim();
    if (!question || this.busy || this.disabled) return;
    if (!navigator.onLine) {
      this.showNotice("offline", "You're offline. Your messages will send once you're back online.");
      return;
    }
    this.busy = true;
    this.send.disabled = true;
    this.input.value = "";
    this.clearNotice();
    this.addMessage("user", question);
    const answer = this.addMessage("assistant", "");
    answer.root.classList.add("streaming");
    answer.root.setAttribute("aria-busy", "true");
    let outcome = "";
    try {
      await this.api.chat({
        message: question,
        conversation_id: this.conversationId ?? undefined,
        visitor_id: this.store.visitorId,
        page_url: location.href,
      }, {
        conversation: (id) => this.rememberConversation(id),
        token: (text) => answer.text.append(text),
        replace: (text) => (answer.text.textContent = text),
        citations: (citations, rich) => this.showCitations(answer, citations, rich),
        done: (done) => {
          outcome = done.outcome;
          this.store.visitorId = done.visitor_id;
          this.identify(answer, done.message_id);
        },
      });
      // A person handles the conversation: the bot stays quiet, and their reply arrives by polling.
      if (outcome === "awaiting_human" && !answer.text.textContent) answer.root.remove();
      else this.addRating(answer, answer.root.getAttribute("data-message-id"));
    } catch (error) {
      this.failed(answer, error);
    } finally {
      answer.root.classList.remove("streaming");
      answer.root.removeAttribute("aria-busy");
      this.busy = false;
      this.send.disabled = this.disabled;
      this.syncEscalateButton();
    }
  }

  private failed(answer: MessageView, error: unknown): void {
    if (error instanceof StreamBrokenError) {
      answer.root.setAttribute("data-state", "failed");
      answer.root.append(el("span", { class: "who" }, "The answer was interrupted."));
      this.showNotice("error", "Something went wrong while answering. Please try again.");
      return;
    }
    answer.root.remove();
    if (error instanceof RefusedError) {
      const { code, error: message } = error.body;
      if (code === "rate_limited") this.showNotice("rate_limited", message);
      else if (code === "widget_disabled" || code === "project_not_found") this.disable();
      else this.showNotice("error", message);
    } else if (!navigator.onLine) {
      this.showNotice("offline", "You're offline. Your messages will send once you're back online.");
    } else {
      this.showNotice("unreachable", "The assistant can't be reached right now. Please try again later.");
    }
  }

  private rememberConversation(id: string): void {
    if (this.conversationId === id) return;
    this.conversationId = id;
    this.store.conversationId = id;
    // Nothing of a new conversation is older than this; a few minutes cover the page's clock running ahead.
    this.since = new Date(Date.now() - 5 * 60_000).toISOString();
    this.restored = true;
  }

  private forgetConversation(): void {
    this.conversationId = null;
    this.store.conversationId = null;
    this.since = null;
    this.syncEscalateButton();
  }

  private showCitations(view: MessageView, citations: Citation[], rich: boolean): void {
    if (view.richCitations && !rich) return;
    view.citations?.remove();
    view.citations = undefined;
    if (citations.length === 0) return;
    const list = el("ol", { class: "cites", "aria-label": "Sources", "data-testid": "cleanrag-citations" });
    for (const citation of citations) {
      const label = citationLabel(citation);
      // Only web links: a javascript: URL from a compromised source must not become clickable.
      const safeUrl = citation.url && /^https?:\/\//i.test(citation.url) ? citation.url : null;
      const item = el("li", {}, safeUrl
        ? el("a", { href: safeUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "cleanrag-citation" }, label)
        : el("span", { "data-testid": "cleanrag-citation" }, label));
      if (citation.excerpt) item.append(el("span", { class: "excerpt" }, citation.excerpt));
      list.append(item);
    }
    view.citations = list;
    view.richCitations = rich;
    view.text.after(list);
  }

  private addRating(view: MessageView, messageId: string | null): void {
    if (!messageId || view.root.querySelector(".rate")) return;
    const up = el("button", { type: "button", "aria-label": "Helpful", "aria-pressed": "false", "data-testid": "cleanrag-thumbs-up" }, thumbIcon(false));
    const down = el("button", { type: "button", "aria-label": "Not helpful", "aria-pressed": "false", "data-testid": "cleanrag-thumbs-down" }, thumbIcon(true));
    const rate = async (button: HTMLButtonElement, rating: "positive" | "negative") => {
      up.disabled = down.disabled = true;
      try {
        await this.api.feedback(messageId, rating);
        button.setAttribute("aria-pressed", "true");
        row.setAttribute("data-rated", rating);
      } catch {
        up.disabled = down.disabled = false;
        this.showNotice("error", "Your rating could not be saved. Please try again.");
      }
    };
    up.addEventListener("click", () => void rate(up, "positive"));
    down.addEventListener("click", () => void rate(down, "negative"));
    const row = el("div", { class: "rate", role: "group", "aria-label": "Rate this answer" }, up, down);
    view.root.append(row);
  }

  private buildEscalateForm(): HTMLFormElement {
    const cancel = el("button", { type: "button", class: "secondary" }, "Cancel");
    const submit = el("button", { type: "submit", class: "primary", "data-testid": "cleanrag-escalate-submit" }, "Send to the team");
    const form = el("form", { class: "escalate", "aria-label": "Talk to a person", "data-testid": "cleanrag-escalate-form", hidden: true },
      el("label", {}, "Your email", this.email),
      el("label", {}, "Message (optional)", this.escalateMessage),
      el("div", { class: "row" }, cancel, submit));
    cancel.addEventListener("click", () => this.showEscalateForm(false));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!this.conversationId || !form.reportValidity()) return;
      submit.disabled = true;
      try {
        await this.api.escalate(this.conversationId, this.email.value.trim(), this.escalateMessage.value.trim());
        this.escalated(this.email.value.trim());
      } catch (error) {
        this.showNotice("error", error instanceof RefusedError ? error.body.error : "Your request could not be sent. Please try again.");
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  private showEscalateForm(show: boolean): void {
    this.escalateForm.hidden = !show;
    this.escalateButton.hidden = show || !this.conversationId || this.disabled || !this.handoffOffered;
    (show ? this.email : this.input).focus();
  }

  private escalated(email: string): void {
    this.escalateForm.reset();
    this.showEscalateForm(false);
    const confirmation = el("div", { class: "msg human", "data-testid": "cleanrag-escalated" },
      `Thanks! A person from the team will reply here or at ${email}.`);
    const hours = this.config.office_hours;
    if (hours && hours.open_now === false) {
      const next = hours.next_open_at ? ` We're back ${new Date(hours.next_open_at).toLocaleString()}.` : "";
      confirmation.append(el("span", { class: "who" }, (hours.closed_message ?? "") + next));
    }
    this.log.append(confirmation);
    this.log.scrollTop = this.log.scrollHeight;
  }

  private syncEscalateButton(): void {
    this.escalateButton.hidden = !this.conversationId || this.disabled || !this.escalateForm.hidden || !this.handoffOffered;
  }

  private disable(): void {
    this.disabled = true;
    this.input.disabled = this.send.disabled = true;
    this.escalateForm.hidden = true;
    this.syncEscalateButton();
    window.clearInterval(this.pollTimer);
    this.showNotice("disabled", "This chat is not available right now.");
  }

  private showNotice(state: NoticeState, message: string): void {
    this.notice.textContent = message;
    this.notice.setAttribute("data-state", state);
    this.notice.classList.toggle("error", state !== "offline");
    this.notice.hidden = false;
  }

  /** Hides the notice (only when it shows <paramref name="state"/>, if given); a disabled widget stays so. */
  private clearNotice(state?: NoticeState): void {
    const current = this.notice.getAttribute("data-state");
    if (current === "disabled" || (state && current !== state)) return;
    this.notice.hidden = true;
    this.notice.removeAttribute("data-state");
  }
}

function citationLabel(citation: Citation): string {
  const title = citation.title || citation.url || "Source";
  const page = citation.page ?? citation.page_number;
  if (page == null) return title;
  return citation.page_end && citation.page_end !== page ? `${title}, pp. ${page}–${citation.page_end}` : `${title}, p. ${page}`;
}
