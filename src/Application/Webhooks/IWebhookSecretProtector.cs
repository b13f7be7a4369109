namespace CleanRag.Application.Webhooks;

/// <summary>Encrypts signing secrets for storage (events and read models) and decrypts them to sign or show to admins.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
