using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanRag.Application.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Where a tenant's chunks live. An index holds one embedding space (the vector dimension is fixed in its mapping) and is
/// shared by the tenant's projects in that space: <c>{prefix}-{tenant}-{model}-{dims}</c>. Every project reads through an
/// alias of its own, <c>{prefix}-{tenant}-{project}</c>, filtered on the project, on the index of its space,
/// and writes through a second one on the same index, <c>…-{project}-write</c>; a project being re-embedded has a third,
/// <c>…-{project}-staged</c>, on the index of the target space. Promoting the staged generation moves the project's
/// aliases in one <c>_aliases</c> request, so a project changes space while the tenant's other projects stay where they are.
/// <para>
/// Indexes created before (layout 1) are <c>{prefix}-{tenant}-v1</c> behind the tenant alias <c>{prefix}-{tenant}</c>, with
/// no project alias: a project found there gets its aliases on that index the first time it is looked up. Projects given
/// their alias before write aliases existed get their write alias the same way.
/// </para>
/// </summary>
internal sealed partial class ChunkIndexLayout(string indexPrefix)
{
    private const int LayoutVersion = 2;
    /// <summary>Index names are limited to 255 bytes; the model's part is kept well under.</summary>
    private const int MaxModelNameLength = 100;

    /// <summary>The alias of a layout-1 tenant index, shared by all the tenant's projects.</summary>
    public string TenantAlias(Guid tenantId) => $"{indexPrefix}-{tenantId:N}";

    /// <summary>The alias every search and read of a project goes through; on the index of the project's live space.</summary>
    public string ProjectAlias(ProjectScope scope) => $"{indexPrefix}-{scope.TenantId:N}-{scope.ProjectId:N}";

    /// <summary>
    /// The alias every upsert and delete of a project goes through; on the same index as <see cref="ProjectAlias"/>, as its
    /// write index. A promotion removes it while it compares the staged and live chunks, so no API instance writes meanwhile.
    /// </summary>
    public string WriteAlias(ProjectScope scope) => $"{ProjectAlias(scope)}-write";

    /// <summary>
    /// Put on the live index while a promotion holds the project's writes (in place of <see cref="WriteAlias"/>): tells a
    /// writer finding no write alias that it is fenced, not a project of an index created before write aliases.
    /// </summary>
    public string FenceAlias(ProjectScope scope) => $"{ProjectAlias(scope)}-fenced";

    /// <summary>The alias of a project's staged generation (re-embedding); on the index of the target space, searched by no query.</summary>
    public string StagedAlias(ProjectScope scope) => $"{ProjectAlias(scope)}-staged";

    /// <summary>
    /// The tenant's index of <paramref name="space"/>. Ends with the dimension, so it never meets a project alias (32 hex
    /// digits) nor any other alias of a project (which end with a word).
    /// </summary>
    public string SpaceIndexName(Guid tenantId, EmbeddingSpace space)
    {
        var model = NotInIndexNames().Replace(space.ModelId.ToLowerInvariant(), "-").Trim('-', '_', '.');
        if (model.Length > MaxModelNameLength)
            model = model[..MaxModelNameLength];
        // Lower-casing, replacing or cutting could make two model ids meet in one name: a hash of the exact id keeps them apart.
        var exact = model == space.ModelId
            ? ""
            : "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(space.ModelId)))[..8];
        return $"{TenantAlias(tenantId)}-{model}{exact}-{space.Dimensions}";
    }

    /// <summary>The same chunk of the same project always gets the same <c>_id</c>, so indexing it again replaces it.</summary>
    public static string DocumentId(ProjectScope scope, string chunkId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope.TenantId:N}/{scope.ProjectId:N}/{chunkId}"));
        // Hashed rather than concatenated: chunk ids are not bounded, Elasticsearch's _id is (512 bytes).
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The tenant's index of <paramref name="space"/>, created without aliases: projects add theirs.</summary>
    public CreateIndexRequest CreateIndexRequest(Guid tenantId, EmbeddingSpace space) => new(SpaceIndexName(tenantId, space))
    {
        Mappings = new TypeMapping
        {
            // Strict: a misspelt field fails the bulk item instead of silently creating a new field.
            Dynamic = DynamicMapping.Strict,
            Meta = new Dictionary<string, object>
            {
                ["layout_version"] = LayoutVersion,
                ["embedding_space"] = new Dictionary<string, object> { ["model_id"] = space.ModelId, ["dimensions"] = space.Dimensions },
            },
            Properties = new Properties
            {
                [ChunkFields.Text] = new TextProperty { Analyzer = "english" },
                [ChunkFields.Title] = new TextProperty { Analyzer = "english" },
                [ChunkFields.TenantId] = new KeywordProperty(),
                [ChunkFields.ProjectId] = new KeywordProperty(),
                [ChunkFields.DocumentId] = new KeywordProperty(),
                [ChunkFields.ChunkId] = new KeywordProperty(),
                [ChunkFields.DocumentVersion] = new IntegerNumberProperty(),
                // Citation fields are only read back, never searched: kept in _source, not indexed.
                [ChunkFields.DocumentTitle] = new KeywordProperty { Index = false, DocValues = false },
                [ChunkFields.HeadingPath] = new KeywordProperty { Index = false, DocValues = false },
                [ChunkFields.PageStart] = new IntegerNumberProperty { Index = false },
                [ChunkFields.PageEnd] = new IntegerNumberProperty { Index = false },
                [ChunkFields.CharStart] = new IntegerNumberProperty { Index = false },
                [ChunkFields.CharEnd] = new IntegerNumberProperty { Index = false },
                [ChunkFields.PageBreaks] = PageBreaksProperty,
                [ChunkFields.Embedding] = new DenseVectorProperty
                {
                    Dims = space.Dimensions,
                    Similarity = DenseVectorSimilarity.Cosine,
                    Index = true,
                    // Explicit: from 9.1 Elasticsearch would quantise vectors of 384+ dims to 1 bit
                    // (bbq_hnsw) by default, which costs recall on small models; int8 keeps it.
                    IndexOptions = new DenseVectorIndexOptions(DenseVectorIndexOptionsType.Int8Hnsw) { M = 16, EfConstruction = 100 },
                },
            },
        },
    };

    /// <summary>Where later pages begin in a chunk (<see cref="PageBreak.Format"/>), for the page a citation names; read back only.</summary>
    public static KeywordProperty PageBreaksProperty => new() { Index = false, DocValues = false };

    /// <summary>
    /// The page-break field for an index created before it existed: the mapping is strict, so chunks carrying it would be
    /// refused until it is added. Adding a field to a mapping is allowed in place (no reindex); the index's _meta is kept.
    /// </summary>
    public static PutMappingRequest AddPageBreaks(string indexName) => new(indexName)
    {
        Properties = new Properties { [ChunkFields.PageBreaks] = PageBreaksProperty },
    };

    /// <summary>The embedding space recorded at creation; null when the mapping carries none (not created by us).</summary>
    public static EmbeddingSpace? RecordedSpace(IDictionary<string, object>? meta)
    {
        // The client reads _meta values as untyped objects; going through JSON reads them whatever their CLR shape.
        var space = meta is null ? null : JsonSerializer.SerializeToNode(meta)?["embedding_space"];
        return space is JsonObject
               && space["model_id"]?.GetValueKind() == JsonValueKind.String
               && space["dimensions"]?.GetValueKind() == JsonValueKind.Number
            ? new EmbeddingSpace((string)space["model_id"]!, (int)space["dimensions"]!)
            : null;
    }

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NotInIndexNames();
}

internal static class ChunkFields
{
    public const string Text = "text";
    public const string Title = "title";
    public const string TenantId = "tenant_id";
    public const string ProjectId = "project_id";
    public const string DocumentId = "document_id";
    public const string ChunkId = "chunk_id";
    public const string DocumentVersion = "document_version";
    public const string DocumentTitle = "document_title";
    public const string HeadingPath = "heading_path";
    public const string PageStart = "page_start";
    public const string PageEnd = "page_end";
    public const string CharStart = "char_start";
    public const string CharEnd = "char_end";
    public const string PageBreaks = "page_breaks";
    public const string Embedding = "embedding";
}

/// <summary>The <c>_source</c> of a chunk document; the client's source serializer writes its properties as the snake_case fields above.</summary>
internal sealed record ChunkDocument(
    Guid TenantId,
    Guid ProjectId,
    Guid DocumentId,
    string ChunkId,
    int DocumentVersion,
    string Title,
    string DocumentTitle,
    string Text,
    string? HeadingPath,
    int? PageStart,
    int? PageEnd,
    int CharStart,
    int CharEnd,
    string? PageBreaks,
    float[]? Embedding)
{
    public static ChunkDocument From(ProjectScope scope, IndexedChunk chunk) => new(
        scope.TenantId, scope.ProjectId, chunk.DocumentId, chunk.ChunkId, chunk.DocumentVersion,
        chunk.DocumentTitle, chunk.DocumentTitle, chunk.Text, chunk.HeadingPath, chunk.PageStart, chunk.PageEnd,
        chunk.CharStart, chunk.CharEnd, PageBreak.Format(chunk.PageBreaks), chunk.Vector.IsEmpty ? null : chunk.Vector.ToArray());

    // Search responses leave the vector out (_source excludes it), so hits carry an empty vector. Chunks indexed before page
    // breaks were kept have none: their citations name the passage's first page.
    public IndexedChunk ToChunk() => new(
        ChunkId, DocumentId, DocumentVersion, DocumentTitle, Text, HeadingPath, PageStart, PageEnd, CharStart, CharEnd,
        Embedding ?? ReadOnlyMemory<float>.Empty, PageBreak.Parse(PageBreaks));
}
