namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>Tests that write an index to disk: each test gets a fresh folder, deleted afterwards.</summary>
public abstract class ScratchDirectoryTests
{
    protected string IndexDirectory { get; private set; } = null!;

    [SetUp]
    public void CreateDirectory() =>
        IndexDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-vector-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(IndexDirectory))
            Directory.Delete(IndexDirectory, recursive: true);
    }
}
