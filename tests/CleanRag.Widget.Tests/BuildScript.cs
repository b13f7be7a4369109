using System.Diagnostics;
using CleanRag.Testing;

namespace CleanRag.Widget.Tests;

/// <summary>Runs a script of build/ (like build/widget.sh) and returns its exit code and output.</summary>
public static class BuildScript
{
    public static (int ExitCode, string Output) Run(string name, params string[] arguments)
    {
        var script = Path.Combine(TestServices.RepositoryRoot, "build", name);
        var start = new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
