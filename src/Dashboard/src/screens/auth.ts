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
    field("Password", input("password", "", { type: "password", autocomplete: withName ? "new-password" : "current-password", required: true, minlength: withName ? "12" : "1" }),
      withName ? "At least 12 characters." : undefined),
  ].filter((node): node is HTMLElement => node !== null);
}

publicRoute("/app/signin", (query) => {
  const feedback = new Feedback();
  return page("Sign in",
    form("Sign in", credentials(false), async (element) => {
      signIn(await post<AuthResult>("/v1/auth/login", { email: valueOf(element, "email"), password: valueOf(element, "password") }));
      navigate(next(query));
    }, feedback),
    el("p", {}, "New here? ", el("a", { href: `/app/signup${location.search}` }, "Create an account")),
    el("p", {}, el("a", { href: "/app/forgot-password" }, "Forgot your password?")));
});

publicRoute("/app/forgot-password", () => {
  const feedback = new Feedback();
  return page("Reset your password",
    el("p", {}, "We will email a link to choose a new password. It works once, for a limited time."),
    form("Email me a link", [field("Email", input("email", "", { type: "email", autocomplete: "email", required: true }))], async (element) => {
      const requested = await post<{ message: string }>("/v1/auth/password-reset", { email: valueOf(element, "email") });
      feedback.success(requested.message);
    }, feedback),
    el("p", {}, el("a", { href: "/app/signin" }, "Back to sign in")));
});

/** The link of a reset email: its token is in the fragment, which browsers never send to a server. */
publicRoute("/app/reset-password", () => {
  const feedback = new Feedback();
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  if (!token)
    return page("Choose a new password", el("p", {}, "This link holds no reset token. ", el("a", { href: "/app/forgot-password" }, "Ask for a new link"), "."));
  return page("Choose a new password",
    form("Set the new password", [
      field("New password", input("newPassword", "", { type: "password", autocomplete: "new-password", required: true, minlength: "12" }), "At least 12 characters."),
    ], async (element) => {
      await post("/v1/auth/password-reset/confirm", { token, newPassword: valueOf(element, "newPassword") });
      history.replaceState(null, "", "/app/reset-password"); // the spent token leaves the address bar
      feedback.success("Your password is changed and every other session is signed out. Sign in with the new one.");
      setTimeout(() => navigate("/app/signin"), 1500);
    }, feedback),
    el("p", {}, el("a", { href: "/app/signin" }, "Back to sign in")));
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
