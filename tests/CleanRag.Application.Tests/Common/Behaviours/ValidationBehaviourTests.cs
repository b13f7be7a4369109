using CleanRag.Application.Common.Behaviours;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.CreateProject;
using FluentValidation;

namespace CleanRag.Application.Tests.Common.Behaviours;

public class ValidationBehaviourTests
{
    private static ValueTask<ProjectDetails> Handler(CreateProjectCommand _, CancellationToken __) =>
        ValueTask.FromResult(new ProjectDetails());

    [Test]
    public async Task A_valid_request_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<CreateProjectCommand, ProjectDetails>([new CreateProjectCommandValidator()]);

        var result = await behaviour.Handle(new CreateProjectCommand("Support bot", null), Handler, CancellationToken.None);

        result.Should().NotBeNull();
    }

    [Test]
    public async Task An_invalid_request_fails_with_messages_per_camel_cased_field_and_never_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<CreateProjectCommand, ProjectDetails>([new CreateProjectCommandValidator()]);
        var reached = false;

        var act = async () => await behaviour.Handle(
            new CreateProjectCommand("", new string('x', 2001)),
            (_, _) => { reached = true; return ValueTask.FromResult(new ProjectDetails()); },
            CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<RequestValidationException>()).Which;
        failure.Code.Should().Be("validation_failed");
        failure.Errors.Should().ContainKey("name").WhoseValue.Should().Contain("name is required.");
        failure.Errors.Should().ContainKey("description");
        reached.Should().BeFalse();
    }

    [Test]
    public async Task Failures_of_several_validators_are_reported_together()
    {
        var second = new InlineValidator<CreateProjectCommand>();
        second.RuleFor(c => c.Name).Must(n => n != "forbidden").WithMessage("that name is reserved.");
        var behaviour = new ValidationBehaviour<CreateProjectCommand, ProjectDetails>([new CreateProjectCommandValidator(), second]);

        var act = async () => await behaviour.Handle(new CreateProjectCommand("forbidden", new string('x', 2001)), Handler, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<RequestValidationException>()).Which;
        failure.Errors.Keys.Should().BeEquivalentTo(["name", "description"]);
    }
}
