using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Storage;

/// <summary>
/// Keys a self-hosted instance needs but nobody configured (token and link signing): generated once,
/// kept owner-only in the data directory, so they survive restarts.
/// </summary>
public static class LocalSecrets
{
    public static byte[] GetOrCreate(IConfiguration configuration, string name)
    {
        var directory = DataDirectory.Resolve(configuration);
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another process created it first; use theirs
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}

/// <summary>
/// Where blobs, indexes and generated keys live: <c>Data:Directory</c>, by default the user's application data
/// folder (<see cref="Default"/>). Never beside the binaries: a rebuild or <c>git clean</c> would delete the files
/// while the database still refers to them.
/// </summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration configuration)
    {
        var directory = configuration["Data:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Default();
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>"CleanRag" in the per-user application data folder: ~/.local/share/CleanRag (or $XDG_DATA_HOME/CleanRag) on Linux.</summary>
    public static string Default()
    {
        var applicationData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(applicationData))
            throw new InvalidOperationException("This account has no application data folder; set Data:Directory (Data__Directory).");
        return Path.Combine(applicationData, "CleanRag");
    }
}

/// <summary>Says at start-up where the data directory is: losing it loses the uploaded files and the generated keys.</summary>
internal sealed partial class DataDirectoryStartupLog(string directory, ILogger<DataDirectoryStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDataDirectory(directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data directory (uploaded files, search indexes, generated keys): {DataDirectory}")]
    private partial void LogDataDirectory(string dataDirectory);
}
