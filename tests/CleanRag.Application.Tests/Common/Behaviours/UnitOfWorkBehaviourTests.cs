using CleanRag.Application.Common;
using CleanRag.Application.Common.Behaviours;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Tests.Common.Behaviours;

public class UnitOfWorkBehaviourTests
{
    private sealed record RenameThingCommand : ICommand<string>;

    private sealed record DeleteThingCommand : ICommand<string>, IRetryOnConcurrencyConflict;

    private sealed record FindThingQuery : IQuery<string>;

    private sealed class RecordingUnitOfWork(int conflictsBeforeSuccess = 0) : IUnitOfWork
    {
        private int _conflictsLeft = conflictsBeforeSuccess;
        public int Commits { get; private set; }
        public int Resets { get; private set; }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            if (_conflictsLeft-- > 0)
                throw new ConcurrencyConflictException();
            Commits++;
            return Task.CompletedTask;
        }

        public void Reset() => Resets++;
    }

    private static ValueTask<string> Handled<T>(T _, CancellationToken __) => ValueTask.FromResult("done");

    [Test]
    public async Task A_command_is_committed_once_after_its_handler()
    {
        var unitOfWork = new RecordingUnitOfWork();

        await new UnitOfWorkBehaviour<RenameThingCommand, string>(unitOfWork).Handle(new RenameThingCommand(), Handled, default);

        unitOfWork.Commits.Should().Be(1);
    }

    [Test]
    public async Task A_query_commits_nothing()
    {
        var unitOfWork = new RecordingUnitOfWork();

        await new UnitOfWorkBehaviour<FindThingQuery, string>(unitOfWork).Handle(new FindThingQuery(), Handled, default);

        unitOfWork.Commits.Should().Be(0);
    }

    [Test]
    public async Task A_failing_handler_commits_nothing()
    {
        var unitOfWork = new RecordingUnitOfWork();

        var act = async () => await new UnitOfWorkBehaviour<RenameThingCommand, string>(unitOfWork)
            .Handle(new RenameThingCommand(), (_, _) => throw new ConflictException("project_archived", "archived"), default);

        await act.Should().ThrowAsync<ConflictException>();
        unitOfWork.Commits.Should().Be(0);
    }

    [Test]
    public async Task A_command_that_lost_a_race_answers_a_conflict_unless_it_is_safe_to_run_again()
    {
        var unitOfWork = new RecordingUnitOfWork(conflictsBeforeSuccess: 1);

        var act = async () => await new UnitOfWorkBehaviour<RenameThingCommand, string>(unitOfWork).Handle(new RenameThingCommand(), Handled, default);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        unitOfWork.Resets.Should().Be(0);
    }

    [Test]
    public async Task A_retriable_command_runs_again_from_the_stored_state_after_losing_a_race()
    {
        var unitOfWork = new RecordingUnitOfWork(conflictsBeforeSuccess: 2);
        var runs = 0;

        var result = await new UnitOfWorkBehaviour<DeleteThingCommand, string>(unitOfWork).Handle(new DeleteThingCommand(),
            (_, _) => { runs++; return ValueTask.FromResult("deleted"); }, default);

        result.Should().Be("deleted");
        runs.Should().Be(3);
        unitOfWork.Resets.Should().Be(2, "each retry starts from freshly loaded aggregates");
        unitOfWork.Commits.Should().Be(1);
    }

    [Test]
    public async Task A_retriable_command_gives_up_after_the_policys_attempts()
    {
        var unitOfWork = new RecordingUnitOfWork(conflictsBeforeSuccess: int.MaxValue);

        var act = async () => await new UnitOfWorkBehaviour<DeleteThingCommand, string>(unitOfWork).Handle(new DeleteThingCommand(), Handled, default);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        unitOfWork.Resets.Should().Be(ConcurrencyRetry.Attempts - 1);
    }
}
