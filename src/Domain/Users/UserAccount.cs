using CleanRag.Domain.Common;

namespace CleanRag.Domain.Users;

/// <summary>A person who can sign in. Company membership lives in the company, not here.</summary>
public sealed class UserAccount : AggregateRoot
{
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";

    public static UserRegistered Register(Guid userId, string email, string name, DateTimeOffset now) =>
        new(userId, email.Trim().ToLowerInvariant(), name.Trim(), now);

    public UserPasswordReset ResetPassword(DateTimeOffset now) => new(Id, now);

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case UserRegistered e:
                Id = e.UserId;
                Email = e.Email;
                Name = e.Name;
                break;
            case UserPasswordReset:
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
