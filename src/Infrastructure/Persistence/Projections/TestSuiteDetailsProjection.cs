using CleanRag.Application.Evaluation;
using CleanRag.Domain.Evaluation;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>A project's saved prompts from its suite stream; every prompt starts with the same event, so Evolve is written out.</summary>
internal sealed class TestSuiteDetailsProjection : SingleStreamProjection<TestSuiteDetails, Guid>
{
    public override TestSuiteDetails? Evolve(TestSuiteDetails? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case TestPromptAdded added:
                snapshot ??= new TestSuiteDetails { Id = added.SuiteId, ProjectId = added.ProjectId };
                snapshot.Prompts.Add(TestPromptView.Of(added.PromptId, added.Question, added.Expectation, added.AddedAt, added.AddedAt));
                break;
            case TestPromptChanged changed when snapshot is not null:
                var index = snapshot.Prompts.FindIndex(p => p.Id == changed.PromptId);
                if (index >= 0)
                    snapshot.Prompts[index] = TestPromptView.Of(changed.PromptId, changed.Question, changed.Expectation,
                        snapshot.Prompts[index].CreatedAt, changed.ChangedAt);
                break;
            case TestPromptRemoved removed when snapshot is not null:
                snapshot.Prompts.RemoveAll(p => p.Id == removed.PromptId);
                break;
        }
        return snapshot;
    }
}
