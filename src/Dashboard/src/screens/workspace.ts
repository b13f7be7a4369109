import { get, patch, post, remove } from "../api";
import { navigate, route } from "../app";
import { el, formatDate } from "../dom";
import type { Company, CompanyRole, InviteResult, Project, TeamMember } from "../types";
import {
  actionButton, badge, emptyState, Feedback, field, form, input, lines, page, select, table, textarea, valueOf,
} from "../ui";

route("/app/company", async (context) => {
  if (!context.user.companyId) {
    const feedback = new Feedback();
    return page("Create your company",
      el("p", {}, "Your projects, team and billing belong to a company. You will be its owner."),
      form("Create company", [field("Company name", input("name", "", { required: true, autocomplete: "organization" }))], async (element) => {
        await post<Company>("/v1/companies", { name: valueOf(element, "name") });
        navigate("/app/projects");
      }, feedback));
  }
  const company = await get<Company>("/v1/companies/me");
  const nameFeedback = new Feedback();
  const settingsFeedback = new Feedback();
  return page("Company",
    el("p", {}, `${company.memberCount} member(s) · created ${formatDate(company.createdAt)}`),
    el("h2", {}, "Name"),
    form("Save name", [field("Company name", input("name", company.name, { required: true }))], async (element) => {
      await patch<Company>("/v1/companies/me", { name: valueOf(element, "name") });
      await context.reload("Saved.");
    }, nameFeedback),
    el("h2", {}, "Workspace defaults"),
    form("Save defaults", [
      field("Default allowed origins", textarea("origins", company.settings.allowedOrigins.join("\n")), "One origin per line, like https://www.example.com. New projects start with these."),
      field("Default system prompt", textarea("prompt", company.settings.systemPrompt, 4)),
      field("Keep conversations for (days)", input("retention", company.settings.dataRetentionDays, { type: "number", min: "1" })),
    ], async (element) => {
      await patch("/v1/companies/settings", {
        allowedOrigins: lines(valueOf(element, "origins")),
        systemPrompt: valueOf(element, "prompt"),
        dataRetentionDays: Number(valueOf(element, "retention")),
      });
      settingsFeedback.success("Saved.");
    }, settingsFeedback));
});

const roles: CompanyRole[] = ["member", "admin", "owner"];

route("/app/members", async (context) => {
  const members = await get<TeamMember[]>("/v1/companies/users");
  const feedback = new Feedback();
  const inviteFeedback = new Feedback();
  const rows = members.map((member) => {
    const role = select("role", roles, member.role);
    role.setAttribute("aria-label", `Role of ${member.email}`);
    role.addEventListener("change", async () => {
      feedback.clear();
      try {
        await patch(`/v1/companies/users/${member.id}`, { role: role.value });
        feedback.success(`${member.email} is now ${role.value}.`);
      } catch (error) {
        role.value = member.role;
        feedback.error(error);
      }
    });
    const actions = el("div", { class: "row-actions" },
      member.status === "invited"
        ? actionButton("Resend invite", async () => {
          await post<InviteResult>(`/v1/companies/users/${member.id}/resend-invite`);
          feedback.success(`The invite to ${member.email} was sent again.`);
        }, feedback)
        : null,
      actionButton(member.status === "invited" ? "Cancel invite" : "Remove", async () => {
        if (!confirm(`Remove ${member.email} from the company?`)) return;
        await remove(`/v1/companies/users/${member.id}`);
        await context.reload();
      }, feedback, { class: "danger", "aria-label": `Remove ${member.email}` }));
    // A pending invite has no user yet: its role is the one invited (cancel and invite again to change it).
    return [member.id === context.user.userId ? `${member.name ?? "—"} (you)` : member.name ?? "—", member.email,
      member.status === "invited" ? member.role : role, badge(member.status), actions];
  });
  return page("Members",
    feedback.element,
    table("Team members", ["Name", "Email", "Role", "Status", ""], rows),
    el("h2", {}, "Invite someone"),
    el("p", {}, "Only owners can invite another owner. The invite is emailed; it can be accepted under “Accept an invite”."),
    form("Send invite", [
      field("Email", input("email", "", { type: "email", required: true })),
      field("Role", select("role", roles, "member")),
    ], async (element) => {
      const invite = await post<InviteResult>("/v1/companies/users/invite", { email: valueOf(element, "email"), role: valueOf(element, "role") });
      await context.reload(`Invited ${invite.email} as ${invite.role}; the invite expires ${formatDate(invite.expiresAt)}.`);
    }, inviteFeedback));
});

route("/app/projects", async (context) => {
  const feedback = new Feedback();
  const list = context.projects.length === 0
    ? emptyState("No project yet. Create one to upload knowledge and put a chatbot live.")
    : table("Projects", ["Name", "Status", "Created", ""], context.projects.map((project) => [
      el("a", { href: `/app/projects/${project.id}/knowledge` }, project.name),
      badge(project.status),
      formatDate(project.createdAt),
      el("a", { href: `/app/projects/${project.id}/settings` }, `Settings of ${project.name}`),
    ]));
  return page("Projects",
    list,
    el("h2", {}, "New project"),
    form("Create project", [
      field("Project name", input("name", "", { required: true })),
      field("Allowed origins", textarea("origins", ""), "The sites that may embed the widget, one per line (https://www.example.com). You can add them later."),
    ], async (element) => {
      const project = await post<Project>("/v1/projects", { name: valueOf(element, "name"), allowedOrigins: lines(valueOf(element, "origins")) });
      navigate(`/app/projects/${project.id}/knowledge`);
    }, feedback));
});
