using System.Security.Cryptography;
using CleanRag.Application.Documents;

namespace CleanRag.Infrastructure.Storage;

/// <summary>
/// Blobs on local disk under {data}/blobs/{tenant}/{hash[0..2]}/{hash}, content-addressed by SHA-256.
/// Bytes are streamed to a temporary file while hashed and counted, then moved into place atomically,
/// so a reader never sees a partial blob and identical uploads are stored once.
/// </summary>
internal sealed class LocalBlobStore(string root) : IBlobStore
{
    public async Task<StoredBlob> PutAsync(Guid tenantId, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var tenantDirectory = Path.Combine(root, tenantId.ToString("N"));
        Directory.CreateDirectory(tenantDirectory);
        var temporary = Path.Combine(tenantDirectory, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            long size = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        throw new FileTooLargeException(maxBytes);
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
            }

            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var path = PathFor(tenantId, hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
                File.Move(temporary, path, overwrite: true);
            return new StoredBlob(hash, size);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public Stream? Open(Guid tenantId, string contentHash)
    {
        var path = PathFor(tenantId, contentHash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public Task DeleteAsync(Guid tenantId, string contentHash, CancellationToken cancellationToken)
    {
        var path = PathFor(tenantId, contentHash);
        if (File.Exists(path))
            File.Delete(path);
        return Task.CompletedTask;
    }

    private string PathFor(Guid tenantId, string contentHash)
    {
        if (contentHash.Length != 64 || !contentHash.All(Uri.IsHexDigit))
            throw new ArgumentException("Not a SHA-256 content hash.", nameof(contentHash));
        return Path.Combine(root, tenantId.ToString("N"), contentHash[..2], contentHash);
    }
}
