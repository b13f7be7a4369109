using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class SearchConfigurationTests
{
    [Test]
    public async Task AddEmbeddedSearch_registers_one_Lucene_index_that_stores_under_Data_Directory()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-search-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = dataDirectory })
            .Build();
        var scope = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());
        try
        {
            await using (var provider = new ServiceCollection().AddEmbeddedSearch(configuration).BuildServiceProvider())
            {
                var index = provider.GetRequiredService<ISearchIndex>();
                index.Should().BeOfType<LuceneSearchIndex>().And.BeSameAs(provider.GetRequiredService<ISearchIndex>());
                await index.UpsertAsync(scope, new EmbeddingSpace("m", 2),
                    [new IndexedChunk("c", Guid.NewGuid(), 1, "", "text", null, null, null, 0, 4, new float[] { 1, 0 })],
                    CancellationToken.None);
            }

            Directory.Exists(Path.Combine(dataDirectory, "indexes", scope.TenantId.ToString(), scope.ProjectId.ToString()))
                .Should().BeTrue();
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
                Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
