namespace CleanRag.Application.ApiKeys;

/// <summary>Turns a presented key into the only form that is stored: a peppered, keyed hash (hex).</summary>
public interface IApiKeyHasher
{
    string Hash(string key);
}
