using CleanRag.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace CleanRag.Infrastructure.Tests.Storage;

public class DataDirectoryTests
{
    private static IConfiguration Configuration(string? dataDirectory) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = dataDirectory })
        .Build();

    [Test]
    public void By_default_the_data_lives_in_the_users_application_data_not_beside_the_binaries()
    {
        var binaries = Path.TrimEndingDirectorySeparator(Path.GetFullPath(AppContext.BaseDirectory));

        var resolved = DataDirectory.Resolve(Configuration(null));

        resolved.Should().Be(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CleanRag"));
        resolved.Should().NotStartWith(binaries, "a rebuild or git clean -fdx deletes what is beside the binaries");
        Directory.Exists(resolved).Should().BeTrue();
    }

    [Test]
    public void A_configured_directory_is_used_as_a_full_path_and_created()
    {
        var configured = Path.Combine(Path.GetTempPath(), "cleanrag-data-tests", Guid.NewGuid().ToString("N"));
        try
        {
            DataDirectory.Resolve(Configuration(configured)).Should().Be(configured);
            Directory.Exists(configured).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(configured, recursive: true);
        }
    }
}
