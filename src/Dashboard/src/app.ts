import { ApiError, get, logOut, refreshSession } from "./api";
import { el } from "./dom";
import { currentAccessToken } from "./session";
import type { CurrentUser, Project } from "./types";
import { errorBox, page } from "./ui";

/** What a screen is given: its route's parameters, the signed-in user and the project it is about (if any). */
export interface ScreenContext {
  params: Record<string, string>;
  query: URLSearchParams;
  user: CurrentUser;
  /** The project of a /app/projects/{id}/… route. */
  project: Project;
  projects: Project[];
  /** False once the owner has left the screen: polling stops then. */
  alive(): boolean;
  /** Renders the current route again (after a change the navigation shows, like a new name), confirming it with a message. */
  reload(message?: string): Promise<void>;
}

export type Screen = (context: ScreenContext) => Promise<Node>;
export type PublicScreen = (query: URLSearchParams, params: Record<string, string>) => Node;

interface Route {
  pattern: RegExp;
  names: string[];
  screen: Screen | PublicScreen;
  isPublic: boolean;
  needsProject: boolean;
}

const routes: Route[] = [];

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}/?$`), names };
}

export function publicRoute(path: string, screen: PublicScreen): void {
  routes.push({ ...compile(path), screen, isPublic: true, needsProject: false });
}

export function route(path: string, screen: Screen): void {
  routes.push({ ...compile(path), screen, isPublic: false, needsProject: path.includes(":projectId") });
}

const projectSections: [string, string][] = [
  ["knowledge", "Knowledge"], ["go-live", "Go live"], ["widget", "Widget"], ["inbox", "Inbox"], ["leads", "Leads"],
  ["analytics", "Analytics"], ["tests", "Test prompts"], ["webhooks", "Webhooks"], ["audit", "Audit"], ["settings", "Settings"],
];

let renderCount = 0;
/** A confirmation to show on the next screen rendered (a change saved, then the screen read again). */
let pendingConfirmation: string | null = null;

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  void render();
}

/** Same-origin links into /app change the screen without reloading the page. */
function interceptLinks(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element).closest("a");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith("/app")) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener("popstate", () => void render());
}

async function signedInUser(): Promise<CurrentUser | null> {
  if (!currentAccessToken() && !(await refreshSession())) return null;
  try {
    return await get<CurrentUser>("/v1/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.body.status === 401) return null;
    throw error;
  }
}

function match(pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const candidate of routes) {
    const found = candidate.pattern.exec(pathname);
    if (found) return { route: candidate, params: Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

function navigation(user: CurrentUser, projects: Project[], current: Project | null, pathname: string): HTMLElement {
  // A project's screens lie under /app/projects/…, but only the list itself is "Projects".
  const isCurrent = (href: string) => pathname === href || (href !== "/app/projects" && pathname.startsWith(`${href}/`));
  const link = (href: string, text: string) => el("li", {}, el("a", { href, "aria-current": isCurrent(href) ? "page" : undefined }, text));
  const picker = el("select", { id: "project-picker", "aria-label": "Project" },
    el("option", { value: "" }, projects.length ? "Choose a project…" : "No project yet"),
    ...projects.map((project) => el("option", { value: project.id }, project.name)));
  picker.value = current?.id ?? "";
  picker.addEventListener("change", () => {
    if (picker.value) navigate(`/app/projects/${picker.value}/knowledge`);
  });
  const toggle = el("button", { type: "button", class: "nav-toggle", "aria-expanded": "false", "aria-controls": "nav-links" }, "Menu");
  const list = el("div", { id: "nav-links", class: "nav-links" },
    el("h2", { class: "nav-heading" }, "Workspace"),
    el("ul", {}, link("/app/projects", "Projects"), link("/app/company", "Company"), link("/app/members", "Members"), link("/app/invite", "Accept an invite")),
    el("h2", { class: "nav-heading" }, "Project"),
    el("div", { class: "field" }, picker),
    current ? el("ul", {}, ...projectSections.map(([section, text]) => link(`/app/projects/${current.id}/${section}`, text))) : null,
    el("div", { class: "signed-in" }, el("span", {}, user.email), " ",
      el("button", { type: "button", class: "link", onclick: async () => { await logOut(); navigate("/app/signin"); } }, "Sign out")));
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.classList.toggle("open", open);
  });
  return el("nav", { "aria-label": "Dashboard" }, el("a", { class: "brand", href: "/app/projects" }, "CleanRag"), toggle, list);
}

/** Renders the screen of the current address into the page. */
async function render(): Promise<void> {
  const thisRender = ++renderCount;
  const alive = () => thisRender === renderCount;
  const root = document.getElementById("app")!;
  const pathname = location.pathname === "/app" || location.pathname === "/app/" ? "/app/projects" : location.pathname;
  const query = new URLSearchParams(location.search);
  const found = match(pathname);
  const main = el("main", { id: "main", tabindex: "-1" });

  const show = (content: Node, nav: HTMLElement | null) => {
    if (!alive()) return;
    main.replaceChildren(content);
    if (pendingConfirmation) {
      main.querySelector("h1")?.after(el("div", { class: "notice success", role: "status" }, pendingConfirmation));
      pendingConfirmation = null;
    }
    root.replaceChildren(...(nav ? [nav, main] : [main]));
    root.classList.toggle("public", nav === null);
    const heading = main.querySelector("h1");
    document.title = `${heading?.textContent ?? "Dashboard"} · CleanRag`;
    heading?.focus();
  };

  if (found?.route.isPublic) {
    show((found.route.screen as PublicScreen)(query, found.params), null);
    return;
  }
  try {
    const user = await signedInUser();
    if (!alive()) return;
    if (!user) {
      navigate(`/app/signin?next=${encodeURIComponent(pathname + location.search)}`, true);
      return;
    }
    if (!user.companyId && !pathname.startsWith("/app/invite") && pathname !== "/app/company") {
      navigate("/app/company", true);
      return;
    }
    const projects = user.companyId ? await get<Project[]>("/v1/projects") : [];
    const projectId = found?.params.projectId;
    const project = projectId ? await get<Project>(`/v1/projects/${projectId}`) : null;
    const nav = navigation(user, projects, project, pathname);
    if (!found) {
      show(page("Not found", el("p", {}, "This page does not exist. "), el("a", { href: "/app/projects" }, "Go to your projects")), nav);
      return;
    }
    const reload = (message?: string) => {
      pendingConfirmation = message ?? null;
      return render();
    };
    const context: ScreenContext = { params: found.params, query, user, project: project!, projects, alive, reload };
    const content = await (found.route.screen as Screen)(context);
    show(content, nav);
  } catch (error) {
    show(page("Something went wrong", errorBox(error), el("p", {}, el("a", { href: "/app/projects" }, "Back to your projects"))), null);
  }
}

export function start(): void {
  interceptLinks();
  void render();
}
