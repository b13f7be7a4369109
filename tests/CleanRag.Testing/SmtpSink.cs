using System.Diagnostics;

namespace CleanRag.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 for mail tests: Debian's aiosmtpd (installed by build/setup.sh) with its Maildir
/// handler, so every accepted mail becomes a file under <see cref="MailDirectory"/>/new.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3"; // Debian's, which has the aiosmtpd package (a pyenv python may not)
    private readonly Process _process;

    private SmtpSink(Process process, int port, string mailDirectory) => (_process, Port, MailDirectory) = (process, port, mailDirectory);

    public int Port { get; }
    public string MailDirectory { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var port = LocalPorts.Free();
        var mailDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-smtp-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(mailDirectory)!); // Maildir makes only the last level
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", mailDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} -m aiosmtpd did not start.");
        var sink = new SmtpSink(process, port, mailDirectory);
        try
        {
            await Eventually.IsTrueAsync(() => Task.FromResult(process.HasExited || LocalPorts.Accepts(port)), TimeSpan.FromSeconds(20), "the SMTP sink to listen");
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({await process.StandardError.ReadToEndAsync()}); build/setup.sh installs python3-aiosmtpd.");
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>The raw messages (headers and body) the sink accepted so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var delivered = Path.Combine(MailDirectory, "new");
        return Directory.Exists(delivered) ? Directory.GetFiles(delivered).Select(File.ReadAllText).ToList() : [];
    }

    /// <summary>The newest message addressed to <paramref name="to"/>, waiting for it to arrive.</summary>
    public Task<string> WaitForMailToAsync(string to, Func<string, bool>? matching = null) =>
        Eventually.GetAsync(() => Task.FromResult(Messages().LastOrDefault(m =>
                m.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase) && (matching?.Invoke(m) ?? true))),
            TimeSpan.FromSeconds(20), $"a mail to {to}");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(MailDirectory))
            Directory.Delete(MailDirectory, recursive: true);
    }
}
