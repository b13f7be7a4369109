using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Plans.SetCompanyPlan;

public sealed class SetCompanyPlanCommandHandler(IAggregateStore aggregates, IRequestContext context, TimeProvider clock)
    : ICommandHandler<SetCompanyPlanCommand, CompanyPlanAssigned>
{
    public async ValueTask<CompanyPlanAssigned> Handle(SetCompanyPlanCommand command, CancellationToken cancellationToken)
    {
        // The store reads the request's tenant only: a command sent for another company finds nothing.
        var company = command.CompanyId == context.TenantId
            ? await aggregates.LoadForUpdateAsync<Company>(command.CompanyId, cancellationToken)
            : null;
        if (company is null)
            throw new NotFoundException("Company");
        var changed = company.ChangePlan(command.Plan!, clock.GetUtcNow());
        aggregates.Append(company, changed);
        return new CompanyPlanAssigned(company.Id, changed.Plan, changed.PreviousPlan);
    }
}
