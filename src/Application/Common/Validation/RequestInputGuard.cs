using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CleanRag.Application.Common.Validation;

/// <summary>
/// What no field of any request may hold, checked in one place before the request's own validators run:
/// control characters other than tab, line feed and carriage return (PostgreSQL refuses U+0000 in <c>text</c> and
/// <c>jsonb</c>, and the others only corrupt logs, CSV exports and rendered pages), unpaired UTF-16 surrogates (they
/// cannot be encoded as UTF-8), strings longer than <see cref="MaxTextLength"/> (each field's validator sets its
/// own, tighter bound) and null entries in lists (a validator would otherwise dereference them).
/// It walks the request's public properties, into nested CleanRag records and collections.
/// </summary>
public static class RequestInputGuard
{
    /// <summary>A backstop far above every field's own limit.</summary>
    public const int MaxTextLength = 100_000;

    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    /// <summary>The problems per field path (camelCase, e.g. <c>files[0]</c>, <c>settings.name</c>); empty when the request is clean.</summary>
    public static IReadOnlyDictionary<string, string[]> FindProblems(object request)
    {
        var problems = new Dictionary<string, string[]>();
        Walk(request, path: "", depth: 0, problems);
        return problems;
    }

    private static void Walk(object value, string path, int depth, Dictionary<string, string[]> problems)
    {
        if (depth > MaxDepth)
            return;
        switch (value)
        {
            case string text:
                if (DescribeUnsafeText(text, Name(path)) is { } problem)
                    problems[path] = [problem];
                return;
            case IEnumerable items when IsWalkedCollection(value.GetType()):
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                        problems[itemPath] = [$"{Name(path)} must not contain null entries."];
                    else
                        Walk(item, itemPath, depth + 1, problems);
                }
                return;
        }

        if (!IsWalkedObject(value.GetType()))
            return;
        foreach (var property in PropertiesByType.GetOrAdd(value.GetType(), ReadableProperties))
        {
            if (property.GetValue(value) is { } propertyValue)
                Walk(propertyValue, path.Length == 0 ? CamelCase(property.Name) : $"{path}.{CamelCase(property.Name)}", depth + 1, problems);
        }
    }

    /// <summary>Why the text cannot be accepted, or null when it can.</summary>
    public static string? DescribeUnsafeText(string text, string fieldName)
    {
        if (text.Length > MaxTextLength)
            return $"{fieldName} must be at most {MaxTextLength} characters.";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"{fieldName} must not contain control characters (found U+{(int)c:X4}).";
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    i++;
                else
                    return $"{fieldName} is not valid Unicode text (an unpaired surrogate).";
            }
        }
        return null;
    }

    // Strings are checked; streams, byte arrays and other opaque values are not walked.
    private static bool IsWalkedCollection(Type type) => !type.IsArray || !type.GetElementType()!.IsPrimitive;

    private static bool IsWalkedObject(Type type) =>
        type.Namespace?.StartsWith("CleanRag.", StringComparison.Ordinal) == true && !type.IsEnum
        || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .ToArray();

    private static string Name(string path) => path.Length == 0 ? "the request" : path;

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
