namespace CleanRag.Application.Documents;

public sealed class FileTooLargeException(long maxBytes)
    : Exception($"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.")
{
    public long MaxBytes { get; } = maxBytes;
}

public sealed class TooManyFilesException(int maxFiles)
    : Exception($"An upload holds at most {maxFiles} files; send the others in further requests.")
{
    public int MaxFiles { get; } = maxFiles;
}
