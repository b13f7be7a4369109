import { readEvents } from "./sse";

/** The JSON error shape every CleanRag failure answers with. */
export interface ApiError {
  error: string;
  code: string;
  status: number;
  retryAfter?: number;
}

/** A citation of the `citations` event (or a source of the `sources` event, whichever shape it has). */
export interface Citation {
  title?: string;
  excerpt?: string;
  page?: number | null;
  /** The page as servers before the `citations` event named it in `sources`. */
  page_number?: number | null;
  page_end?: number | null;
  url?: string | null;
}

export interface DoneEvent {
  conversation_id: string;
  message_id: string;
  visitor_id: string;
  outcome: string;
  answer: string;
}

export interface ServerMessage {
  id: string;
  role: "user" | "assistant";
  content: string;
  sources?: unknown[];
  created_at: string;
}

export interface WidgetConfig {
  project_id?: string;
  name?: string;
  settings?: {
    color?: string;
    gradient_stops?: string[];
    position?: string;
    welcome?: string;
    avatar?: string | null;
    show_branding?: boolean;
    custom_css?: string | null;
  };
  office_hours?: { open_now?: boolean; closed_message?: string; next_open_at?: string | null };
  /** The company's plan: a feature set to false is not offered (absent: an older server, everything offered). */
  plan_features?: Record<string, boolean>;
}

/** What the stream reports while an answer is written. */
export interface StreamHandlers {
  conversation(id: string): void;
  token(text: string): void;
  replace(text: string): void;
  /** rich: from the `citations` event, which wins over the bare URLs of `sources`. */
  citations(citations: Citation[], rich: boolean): void;
  done(done: DoneEvent): void;
}

/** The request reached the server, which refused it with the error shape. */
export class RefusedError extends Error {
  constructor(readonly body: ApiError) {
    super(body.error);
  }
}

/** The stream broke off after it started: an `error` event, or the connection ended before `done`. */
export class StreamBrokenError extends Error {}

/** No answer could be read at all: offline, the server is down, or this page's origin is not allowed (CORS). */
export class UnreachableError extends Error {}

export class WidgetApi {
  constructor(
    private readonly base: string,
    private readonly projectId: string,
  ) {}

  async config(): Promise<WidgetConfig> {
    return (await this.send(`/api/widget/config?id=${encodeURIComponent(this.projectId)}`)).json();
  }

  async messages(conversationId: string, since?: string): Promise<ServerMessage[]> {
    const query = `conversationId=${encodeURIComponent(conversationId)}` + (since ? `&since=${encodeURIComponent(since)}` : "");
    const body = await (await this.send(`/api/widget/messages?${query}`)).json();
    return Array.isArray(body?.messages) ? body.messages : [];
  }

  async feedback(messageId: string, rating: "positive" | "negative"): Promise<void> {
    await this.send("/api/widget/feedback", { message_id: messageId, rating });
  }

  async escalate(conversationId: string, email: string, message: string): Promise<void> {
    await this.send("/api/widget/escalate", { conversation_id: conversationId, email, message: message || undefined });
  }

  /** Asks a question and reports the answer as it streams; resolves when `done` arrived. */
  async chat(request: Record<string, unknown>, on: StreamHandlers): Promise<void> {
    const response = await this.send("/api/chat", { project_id: this.projectId, ...request });
    if (!response.body) throw new StreamBrokenError("The answer could not be read.");
    let finished = false;
    try {
      for await (const event of readEvents(response.body)) {
        switch (event.name) {
          case "conversation_id":
            on.conversation(event.data.trim());
            break;
          case "token":
            on.token(JSON.parse(event.data).text ?? "");
            break;
          case "replace":
            on.replace(JSON.parse(event.data).text ?? "");
            break;
          case "citations":
          case "sources":
            on.citations(toCitations(JSON.parse(event.data)), event.name === "citations");
            break;
          case "done":
            finished = true;
            on.done(JSON.parse(event.data));
            break;
          case "error":
            throw new StreamBrokenError(JSON.parse(event.data).error ?? "The answer broke off.");
        }
      }
    } catch (error) {
      if (error instanceof StreamBrokenError) throw error;
      throw new StreamBrokenError("The connection broke off while the answer was written.");
    }
    if (!finished) throw new StreamBrokenError("The connection broke off while the answer was written.");
  }

  private async send(path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.base + path, body === undefined
        ? { credentials: "omit" }
        : { method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch {
      // fetch gives no detail on purpose: a network failure and a refused CORS check look the same.
      throw new UnreachableError("The assistant could not be reached.");
    }
    if (!response.ok) throw new RefusedError(await errorOf(response));
    return response;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    if (body && typeof body.code === "string") return body;
  } catch {
    // not the error shape (a proxy's page, say): described by its status below
  }
  return { error: "Something went wrong. Please try again.", code: "http_" + response.status, status: response.status };
}

/**
 * `citations` carries objects with a url; `sources` carries citation URL strings (older servers: source objects).
 * Both become citations, so the widget shows links whichever of the two the server sends.
 */
export function toCitations(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): Citation[] => {
    if (typeof item === "string") return item === "human_reply" ? [] : [{ url: item }];
    return item && typeof item === "object" ? [item as Citation] : [];
  });
}
