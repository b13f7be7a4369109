// Ingestion benchmark: runs the service's ingestion pipeline (DocumentIndexer: extract → chunk → embed
// with the service's default embedder, or --embedder local|hashing|… [--model minilm|arctic-xs] → Lucene/vector
// index) over the given files and every file of the given folders and prints per-file and total pages/s,
// chunks/s and the peak resident memory.
//
//   dotnet run -c Release --project tools/IngestBench -- ../shared/datasets/northwind ../shared/datasets/mixed-formats
//   dotnet run -c Release --project tools/IngestBench -- ../shared/datasets/northwind/Northwind_Health_Plus_Benefits_Details.pdf
//
// The bus and the event store are left out on purpose: they add a few milliseconds per document, and
// this measures the work that grows with the size of the files.
using System.Diagnostics;
using System.Globalization;
using CleanRag.Application.Documents;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Extraction;
using CleanRag.Infrastructure.Ingestion;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var folders = args.Where(Directory.Exists).ToList();
var singleFiles = args.Where(File.Exists).ToList();
if (folders.Count + singleFiles.Count == 0)
{
    Console.Error.WriteLine("Usage: CleanRag.IngestBench <folder|file> [...] [--embedder local|hashing|…] [--model minilm|arctic-xs]  " +
        "(e.g. ../shared/datasets/northwind; the datasets are absent here?)");
    return 2;
}
var settings = new Dictionary<string, string?>();
if (Option("--embedder") is { } provider)
    settings["AI:Embeddings:Provider"] = provider;
if (Option("--model") is { } model)
    settings["AI:Embeddings:Local:Model"] = model;
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();

var dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-ingest-bench", Guid.NewGuid().ToString("N"));
await using var services = new ServiceCollection()
    .AddTextExtraction()
    .AddAiProviders(configuration, _ => new HashingEmbeddingGenerator())
    .BuildServiceProvider();
var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
Console.WriteLine($"Embedder: {embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId} (model load counts in the first file).");
await using var index = new LuceneSearchIndex(dataDirectory);
var indexer = new DocumentIndexer(
    services.GetRequiredService<CleanRag.Application.Documents.Ingestion.ITextExtractor>(),
    services.GetRequiredService<CleanRag.Application.Documents.Ingestion.IChunker>(),
    services.GetRequiredService<IEmbeddingModels>(), index);
var scope = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());

var files = folders.SelectMany(f => Directory.GetFiles(f)).Concat(singleFiles)
    .Where(f => Path.GetExtension(f) is ".pdf" or ".docx" or ".pptx" or ".xlsx" or ".txt" or ".md" or ".html" or ".csv" or ".json")
    .OrderBy(f => f, StringComparer.Ordinal)
    .ToList();

Console.WriteLine($"{"file",-48} {"pages",6} {"chunks",7} {"seconds",8} {"pages/s",8} {"chunks/s",9}");
var totalPages = 0;
var totalChunks = 0;
var total = Stopwatch.StartNew();
foreach (var file in files)
{
    var name = Path.GetFileName(file);
    var started = Stopwatch.GetTimestamp();
    try
    {
        await using var content = File.OpenRead(file);
        var outcome = await indexer.IndexAsync(scope, new DocumentToIndex(Guid.NewGuid(), 1, name, ContentTypes.Resolve(name, null)),
            content, IndexingSettings.Default, CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var pages = outcome.PageCount ?? 0;
        totalPages += pages;
        totalChunks += outcome.ChunkCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} {pages,6} {outcome.ChunkCount,7} {seconds,8:0.00} {pages / seconds,8:0.0} {outcome.ChunkCount / seconds,9:0.0}"));
    }
    catch (CleanRag.Application.Documents.Ingestion.ExtractionFailedException failure)
    {
        Console.WriteLine($"{name,-48} failed: {failure.Code} ({failure.Message})");
    }
}

var elapsed = total.Elapsed.TotalSeconds;
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"total: {files.Count} files, {totalPages} pages, {totalChunks} chunks in {elapsed:0.00} s = {totalPages / elapsed:0.0} pages/s, " +
    $"{totalChunks / elapsed:0.0} chunks/s; peak RSS {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB"));
// Closed first: closing commits what is still pending, into the directory deleted next.
await index.DisposeAsync();
Directory.Delete(dataDirectory, recursive: true);
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
