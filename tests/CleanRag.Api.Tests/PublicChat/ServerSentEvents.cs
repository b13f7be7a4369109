namespace CleanRag.Api.Tests.PublicChat;

/// <summary>One event of a text/event-stream response, or a comment line (Name ":").</summary>
public sealed record ServerSentEvent(string Name, string Data);

public static class ServerSentEvents
{
    /// <summary>Reads the whole stream and splits it into its events (and comments), in order.</summary>
    public static async Task<List<ServerSentEvent>> ReadAllAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var events = new List<ServerSentEvent>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.StartsWith(':')))
            {
                events.Add(new ServerSentEvent(":", string.Join('\n', lines.Select(l => l[1..].Trim()))));
                continue;
            }
            var name = lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..] ?? "message";
            var data = string.Join('\n', lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]));
            events.Add(new ServerSentEvent(name, data));
        }
        return events;
    }
}
