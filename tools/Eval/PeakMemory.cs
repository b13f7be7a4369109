using System.Globalization;

namespace CleanRag.Eval;

/// <summary>The kernel's high-water mark of this process's resident memory (Linux; 0 elsewhere).</summary>
internal static class PeakMemory
{
    private const string StatusPath = "/proc/self/status";

    public static long ResidentBytes()
    {
        if (!File.Exists(StatusPath))
            return 0;
        var line = File.ReadLines(StatusPath).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Starts the high-water mark again from the current resident memory (writing 5 to clear_refs).</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the mark then covers the whole run so far.
        }
    }
}
