/** The visitor's ids for one project, kept in localStorage so a reopened page continues the conversation. */
export class VisitorStore {
  constructor(private readonly projectId: string) {}

  get conversationId(): string | null {
    return this.read("conversation");
  }

  set conversationId(value: string | null) {
    this.write("conversation", value);
  }

  /** A random id made on the first visit: the server's per-visitor rate limit then counts this visitor, not a shared address. */
  get visitorId(): string {
    let id = this.read("visitor");
    if (!id) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      id = "v_" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      this.write("visitor", id);
    }
    return id;
  }

  set visitorId(value: string) {
    this.write("visitor", value);
  }

  private key(name: string): string {
    return `cleanrag:${this.projectId}:${name}`;
  }

  // Storage can be blocked (privacy settings, sandboxed frames): the widget then works for this page view only.
  private read(name: string): string | null {
    try {
      return localStorage.getItem(this.key(name));
    } catch {
      return null;
    }
  }

  private write(name: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(this.key(name));
      else localStorage.setItem(this.key(name), value);
    } catch {
      // see read
    }
  }
}
