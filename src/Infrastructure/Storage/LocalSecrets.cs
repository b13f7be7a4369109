using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Storage;

/// <summary>
/// Keys a self-hosted instance needs but nobody configured (token and link signing): generated once,
/// kept owner-only in the shared data directory (<see cref="DataDirectory.ResolveShared"/>), so they survive restarts and
/// every instance sharing that directory signs and checks with the same keys.
/// </summary>
public static class LocalSecrets
{
    public static byte[] GetOrCreate(IConfiguration configuration, string name)
    {
        var directory = DataDirectory.ResolveShared(configuration);
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
    public static string Resolve(IConfiguration configuration) =>
        Created(configuration["Data:Directory"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Default());

    /// <summary>
    /// Where what every API instance must see lives — uploaded files and generated keys: <c>Data:SharedDirectory</c> (a volume
    /// all instances mount) when configured, else the data directory. Search indexes stay in each instance's own.
    /// </summary>
    public static string ResolveShared(IConfiguration configuration) =>
        configuration["Data:SharedDirectory"] is { Length: > 0 } configured ? Created(Path.GetFullPath(configured)) : Resolve(configuration);

    private static string Created(string directory)
    {
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
internal sealed partial class DataDirectoryStartupLog(string directory, string sharedDirectory, ILogger<DataDirectoryStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (sharedDirectory == directory)
            LogDataDirectory(directory);
        else
            LogDirectories(directory, sharedDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data directory (uploaded files, search indexes, generated keys): {DataDirectory}")]
    private partial void LogDataDirectory(string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data directory (search indexes): {DataDirectory}; shared directory (uploaded files, generated keys): {SharedDirectory}")]
    private partial void LogDirectories(string dataDirectory, string sharedDirectory);
}
