using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Users;
using Mediator;

namespace CleanRag.Application.Auth.GetCurrentUser;

public sealed class GetCurrentUserQueryHandler(IRequestContext context, IReadStore readStore)
    : IQueryHandler<GetCurrentUserQuery, CurrentUser>
{
    public async ValueTask<CurrentUser> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var user = await readStore.LoadAsync<UserAccountView>(context.UserId, cancellationToken)
                   ?? throw new UnauthorizedException();
        return new CurrentUser(user.Id, user.Email, user.Name,
            context.TenantId == Guid.Empty ? null : context.TenantId, context.Role);
    }
}
