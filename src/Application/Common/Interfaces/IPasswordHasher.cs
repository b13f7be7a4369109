namespace CleanRag.Application.Common.Interfaces;

/// <summary>Hashes and verifies passwords (a slow, salted algorithm; never reversible).</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string hash, string password);
}
