using CleanRag.Application.Common.Behaviours;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.CreateProject;
using CleanRag.Domain.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Application.Tests.Common.Behaviours;

public class UnhandledExceptionBehaviourTests
{
    private readonly UnhandledExceptionBehaviour<CreateProjectCommand, ProjectDetails> _behaviour =
        new(NullLogger<UnhandledExceptionBehaviour<CreateProjectCommand, ProjectDetails>>.Instance);

    private static readonly CreateProjectCommand Command = new("Support bot", null);

    [Test]
    public async Task A_domain_rule_violation_becomes_a_conflict_with_the_same_code()
    {
        var act = async () => await _behaviour.Handle(Command,
            (_, _) => throw new DomainRuleViolationException("project_archived", "The project is archived."),
            CancellationToken.None);

        var conflict = (await act.Should().ThrowAsync<ConflictException>()).Which;
        conflict.Code.Should().Be("project_archived");
        conflict.Message.Should().Be("The project is archived.");
    }

    [Test]
    public async Task Unexpected_exceptions_pass_through_unchanged()
    {
        var act = async () => await _behaviour.Handle(Command,
            (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("boom");
    }
}
