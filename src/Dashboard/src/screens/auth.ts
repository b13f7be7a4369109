import { post } from "../api";
import { navigate, publicRoute, route } from "../app";
import { el } from "../dom";
import { signIn } from "../session";
import type { AcceptedInvite, AuthResult } from "../types";
import { Feedback, field, form, input, page, valueOf } from "../ui";

/** Where to go after signing in: only a path inside the dashboard (never another site). */
function next(query: URLSearchParams): string {
  const target = query.get("next") ?? "";
  return target.startsWith("/app/") ? target : "/app/projects";
}

function credentials(withName: boolean): Node[] {
  return [
    withName ? field("Your name", input("name", "", { autocomplete: "name", required: true })) : null,
    field("Email", input("email", "", { type: "email", autocomplete: "email", required: true })),
    field("Password", input("password", "", { type: "password", autocomplete: withName ? "new-password" : "current-password", required: true, minlength: "8" }),
      withName ? "At least 8 characters." : undefined),
  ].filter((node): node is HTMLElement => node !== null);
}

publicRoute("/app/signin", (query) => {
  const feedback = new Feedback();
  return page("Sign in",
    form("Sign in", credentials(false), async (element) => {
      signIn(await post<AuthResult>("/v1/auth/login", { email: valueOf(element, "email"), password: valueOf(element, "password") }));
      navigate(next(query));
    }, feedback),
    el("p", {}, "New here? ", el("a", { href: `/app/signup${location.search}` }, "Create an account")));
});

publicRoute("/app/signup", (query) => {
  const feedback = new Feedback();
  return page("Create your account",
    form("Sign up", credentials(true), async (element) => {
      signIn(await post<AuthResult>("/v1/auth/signup",
        { name: valueOf(element, "name"), email: valueOf(element, "email"), password: valueOf(element, "password") }));
      navigate(query.has("next") ? next(query) : "/app/company");
    }, feedback),
    el("p", {}, "Already have an account? ", el("a", { href: `/app/signin${location.search}` }, "Sign in")));
});

async function acceptInvite(token: string | undefined) {
  const feedback = new Feedback();
  const tokenInput = input("token", token ?? "", { required: true, autocomplete: "off" });
  return page("Accept an invite",
    el("p", {}, "Paste the invite token from the email you received. You must be signed in with the invited email address."),
    form("Accept invite", [field("Invite token", tokenInput)], async (element) => {
      const accepted = await post<AcceptedInvite>(`/v1/invites/${encodeURIComponent(valueOf(element, "token"))}/accept`);
      feedback.success(`You joined ${accepted.companyName} as ${accepted.role}.`);
      setTimeout(() => navigate("/app/projects"), 1200);
    }, feedback));
}

route("/app/invite", async () => acceptInvite(undefined));
route("/app/invite/:token", async (context) => acceptInvite(context.params.token));
