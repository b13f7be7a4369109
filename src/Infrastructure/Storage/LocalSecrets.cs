using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

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

/// <summary>Where blobs, indexes and generated keys live: <c>Data:Directory</c>, by default ".data" beside the binaries.</summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration configuration)
    {
        var directory = configuration["Data:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, ".data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
