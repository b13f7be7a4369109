namespace CleanRag.Application.Users;

/// <summary>Read model of a registered user; not tenant-scoped (a user exists before joining a company).</summary>
public sealed class UserAccountView
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
