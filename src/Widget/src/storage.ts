/** The visitor's ids for one project, kept in localStorage so a reopened page continues the conversation. */
export class VisitorStore {
  constructor(private readonly projectId: string) {}

  get conversationId(): string | null {
    return this.read("conversation");
  }

  set conversationId(value: string | null) {
    this.write("conversation", value);
  }

  get visitorId(): string | null {
    return this.read("visitor");
  }

  set visitorId(value: string | null) {
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
