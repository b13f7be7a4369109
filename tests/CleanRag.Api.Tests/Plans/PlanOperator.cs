using CleanRag.Api.Plans;

namespace CleanRag.Api.Tests.Plans;

/// <summary>Runs the API's operator verbs (<c>CleanRag.Api plans …</c>) against the shared test host.</summary>
public static class PlanOperator
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static async Task<Outcome> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await OperatorCommandLine.RunAsync(ApiHost.Factory.Services, args, output, errors);
        return new Outcome(exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>Puts the company on <paramref name="plan"/>, as an operator would.</summary>
    public static async Task SetAsync(Guid companyId, string plan)
    {
        var outcome = await RunAsync("plans", "set", companyId.ToString(), plan);
        outcome.ExitCode.Should().Be(0, outcome.Errors);
    }
}
