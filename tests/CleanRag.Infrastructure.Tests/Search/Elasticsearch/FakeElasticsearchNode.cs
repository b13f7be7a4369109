using System.Net;
using System.Text.Json.Nodes;
using System.Web;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>
/// A small in-memory stand-in for an Elasticsearch node, behind <see cref="RecordingElasticsearchHandler"/> (so every request
/// is still recorded and its JSON can be checked): indexes with their mapping and documents, aliases with their filters and
/// write index (at most one per alias; a write through an alias goes to it), and the handful of endpoints the adapter uses,
/// answered as the Elasticsearch documentation shows. Queries are evaluated
/// as far as the adapter builds them; a strict mapping refuses unmapped fields (bool filter / must_not / should, term, terms, match, knn by exact cosine, sort on one
/// keyword with search_after); relevance is a plain count of matching words. It lets the real re-embedding run end to end
/// where no Elasticsearch server can.
/// </summary>
public sealed class FakeElasticsearchNode
{
    private readonly Dictionary<string, FakeIndex> _indexes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> IndexNames => _indexes.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The aliases on <paramref name="index"/>, by name.</summary>
    public IReadOnlyCollection<string> AliasesOf(string index) => _indexes[index].Aliases.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The _source of every document of <paramref name="index"/>.</summary>
    public IReadOnlyList<JsonObject> Documents(string index) => _indexes[index].Documents.Values.ToList();

    /// <summary>An index as a node would hold it, e.g. one created by an earlier version (layout 1).</summary>
    public void CreateIndex(string name, JsonObject body) => Create(name, body);

    public void Index(string index, string id, JsonObject source) => _indexes[index].Documents[id] = source;

    public Responder Answer(RecordedRequest request)
    {
        var segments = request.Path.Trim('/').Split('/').Select(HttpUtility.UrlDecode).ToArray();
        var query = HttpUtility.ParseQueryString(request.Query);
        return (request.Method.Method, segments) switch
        {
            ("POST", ["_aliases"]) => UpdateAliases([.. Clauses(request.Json["actions"])]),
            ("PUT", [var index]) => Create(index!, request.Json.AsObject()),
            ("DELETE", [var index]) => Delete(index!),
            ("GET", [var target, "_mapping"]) => Mapping(target!),
            ("PUT", [var target, "_mapping"]) => PutMapping(target!, request.Json.AsObject()),
            ("GET", [var index, "_alias"]) => Aliases(index!),
            ("POST", [var target, "_bulk"]) => Bulk(target!, request.Body, query["require_alias"] == "true"),
            ("POST", [var target, "_search"]) => Search(target!, request.Json.AsObject()),
            ("POST", [var target, "_count"]) => Count(target!, request.Body.Length == 0 ? null : request.Json["query"]),
            ("POST", [var target, "_delete_by_query"]) => DeleteByQuery(target!, request.Json["query"]!),
            _ => throw new AssertionException($"The fake node does not serve {request.Method} {request.Path}"),
        };
    }

    private Responder Create(string name, JsonObject body)
    {
        if (_indexes.ContainsKey(name))
            return Reply(HttpStatusCode.BadRequest, ElasticsearchResponses.IndexAlreadyExists(name));
        var index = new FakeIndex(body["mappings"]?.DeepClone().AsObject() ?? []);
        foreach (var (alias, definition) in body["aliases"]?.AsObject() ?? [])
            index.Aliases[alias] = Definition(definition?.AsObject() ?? []);
        _indexes[name] = index;
        return Reply(HttpStatusCode.OK, ElasticsearchResponses.IndexCreated(name));
    }

    private Responder Delete(string name) =>
        _indexes.Remove(name)
            ? Reply(HttpStatusCode.OK, ElasticsearchResponses.Acknowledged())
            : Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(name));

    private Responder Mapping(string target)
    {
        if (Resolve(target) is not { } resolved)
            return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));
        var body = new JsonObject();
        foreach (var (name, _) in resolved)
            body[name] = new JsonObject { ["mappings"] = _indexes[name].Mappings.DeepClone() };
        return Reply(HttpStatusCode.OK, body.ToJsonString());
    }

    private Responder PutMapping(string target, JsonObject body)
    {
        if (Resolve(target) is not { } resolved)
            return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));
        foreach (var (name, _) in resolved)
        {
            var properties = _indexes[name].Mappings["properties"]!.AsObject();
            foreach (var (field, definition) in body["properties"]!.AsObject())
                properties[field] = definition!.DeepClone();
        }
        return Reply(HttpStatusCode.OK, ElasticsearchResponses.Acknowledged());
    }

    private Responder Aliases(string name)
    {
        if (!_indexes.TryGetValue(name, out var index))
            return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(name));
        var aliases = new JsonObject();
        foreach (var (alias, definition) in index.Aliases)
            aliases[alias] = definition.DeepClone();
        return Reply(HttpStatusCode.OK, new JsonObject { [name] = new JsonObject { ["aliases"] = aliases } }.ToJsonString());
    }

    /// <summary>
    /// All the actions or none: a remove of an alias that is not there fails the request (must_exist), and so does a result
    /// giving an alias more than one write index.
    /// </summary>
    private Responder UpdateAliases(List<JsonNode> actions)
    {
        foreach (var action in actions)
        {
            var (kind, body) = action!.AsObject().Single();
            var index = (string)body!["index"]!;
            if (!_indexes.TryGetValue(index, out var target))
                return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(index));
            if (kind == "remove" && !target.Aliases.ContainsKey((string)body["alias"]!))
                return Reply(HttpStatusCode.NotFound, $$"""
                    {"error":{"root_cause":[{"type":"aliases_not_found_exception","reason":"aliases [{{body["alias"]}}] missing"}],
                     "type":"aliases_not_found_exception","reason":"aliases [{{body["alias"]}}] missing"},"status":404}
                    """);
        }
        var updated = _indexes.ToDictionary(i => i.Key, i => new Dictionary<string, JsonObject>(i.Value.Aliases, StringComparer.Ordinal));
        foreach (var action in actions)
        {
            var (kind, body) = action!.AsObject().Single();
            var aliases = updated[(string)body!["index"]!];
            if (kind == "add")
                aliases[(string)body["alias"]!] = Definition(body.AsObject());
            else
                aliases.Remove((string)body["alias"]!);
        }
        var twoWriteIndexes = updated
            .SelectMany(index => index.Value.Where(a => (bool?)a.Value["is_write_index"] == true).Select(a => (Alias: a.Key, Index: index.Key)))
            .GroupBy(a => a.Alias).FirstOrDefault(alias => alias.Count() > 1);
        if (twoWriteIndexes is not null)
        {
            // Elasticsearch validates the new alias metadata with an IllegalStateException, which it answers as a 500.
            var reason = $"alias [{twoWriteIndexes.Key}] has more than one write index [{string.Join(',', twoWriteIndexes.Select(a => a.Index))}]";
            return Reply(HttpStatusCode.InternalServerError, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["root_cause"] = new JsonArray(new JsonObject { ["type"] = "illegal_state_exception", ["reason"] = reason }),
                    ["type"] = "illegal_state_exception", ["reason"] = reason,
                },
                ["status"] = 500,
            }.ToJsonString());
        }
        foreach (var (name, aliases) in updated)
        {
            _indexes[name].Aliases.Clear();
            foreach (var (alias, definition) in aliases)
                _indexes[name].Aliases[alias] = definition;
        }
        return Reply(HttpStatusCode.OK, """{"acknowledged":true,"errors":false}""");
    }

    /// <summary>What a node keeps of an alias: its filter and whether it is the alias's write index.</summary>
    private static JsonObject Definition(JsonObject body)
    {
        var definition = new JsonObject();
        if (body["filter"] is { } filter)
            definition["filter"] = filter.DeepClone();
        if (body["is_write_index"] is { } isWriteIndex)
            definition["is_write_index"] = isWriteIndex.DeepClone();
        return definition;
    }

    private Responder Bulk(string target, string ndjson, bool requireAlias)
    {
        var resolved = Resolve(target);
        var isAlias = !_indexes.ContainsKey(target);
        // Through an alias, documents go to its write index: the one marked so, or its only index unless marked otherwise.
        var writeIndex = !isAlias ? target : _indexes
            .Where(i => i.Value.Aliases.TryGetValue(target, out var a) && ((bool?)a["is_write_index"] ?? resolved!.Count == 1))
            .Select(i => i.Key).SingleOrDefault();
        var lines = ndjson.TrimEnd('\n').Split('\n').Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var items = new JsonArray();
        for (var i = 0; i < lines.Count; i += 2)
        {
            var id = (string)lines[i]["index"]!["_id"]!;
            var source = lines[i + 1];
            JsonObject item;
            if (resolved is null || (requireAlias && !isAlias))
            {
                item = Failed(target, id, 404, "index_not_found_exception",
                    $"no such index [{target}] and [require_alias] request flag is [true] and [{target}] is not an alias");
            }
            else if (writeIndex is not { } indexName)
            {
                item = Failed(target, id, 400, "illegal_argument_exception",
                    $"no write index is defined for alias [{target}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index");
            }
            else if (_indexes[indexName].Mappings["dynamic"]?.ToString() == "strict"
                     && source.Select(f => f.Key).FirstOrDefault(f => _indexes[indexName].Mappings["properties"]![f] is null) is { } unmapped)
            {
                item = Failed(indexName, id, 400, "strict_dynamic_mapping_exception",
                    $"[1:2] mapping set to strict, dynamic introduction of [{unmapped}] within [_doc] is not allowed");
            }
            else if (source["embedding"] is JsonArray vector
                     && vector.Count != (int)_indexes[indexName].Mappings["properties"]!["embedding"]!["dims"]!)
            {
                item = Failed(indexName, id, 400, "document_parsing_exception",
                    $"The [dims] property of field [embedding] must be {_indexes[indexName].Mappings["properties"]!["embedding"]!["dims"]}");
            }
            else
            {
                _indexes[indexName].Documents[id] = source;
                item = new JsonObject { ["_index"] = indexName, ["_id"] = id, ["result"] = "created", ["status"] = 201 };
            }
            items.Add(new JsonObject { ["index"] = item });
        }
        var errors = items.Any(item => item!["index"]!["error"] is not null);
        return Reply(HttpStatusCode.OK, new JsonObject { ["took"] = 3, ["errors"] = errors, ["items"] = items }.ToJsonString());
    }

    private static JsonObject Failed(string index, string id, int status, string type, string reason) => new()
    {
        ["_index"] = index, ["_id"] = id, ["status"] = status, ["error"] = new JsonObject { ["type"] = type, ["reason"] = reason },
    };

    private Responder Search(string target, JsonObject body)
    {
        if (Resolve(target) is not { } resolved)
            return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));
        var candidates = Visible(resolved, body["query"]).ToList();
        List<(string Index, string Id, JsonObject Source, double Score)> ranked;
        if (body["knn"] is JsonObject knn)
        {
            var query = knn["query_vector"]!.AsArray().Select(v => (double)v!).ToArray();
            var filtered = Visible(resolved, knn["filter"]).ToList();
            var mismatched = filtered.Where(d => d.Source["embedding"] is JsonArray v && v.Count != query.Length).Select(d => d.Index).FirstOrDefault();
            if (mismatched is { } index)
                return Reply(HttpStatusCode.BadRequest, $$"""
                    {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"The query vector has a different number of dimensions [{{query.Length}}] than the document vectors [{{_indexes[index].Mappings["properties"]!["embedding"]!["dims"]}}]."}],
                     "type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}
                    """);
            ranked = [.. filtered.Where(d => d.Source["embedding"] is JsonArray)
                .Select(d => (d.Index, d.Id, d.Source, Score: (1 + Cosine(query, d.Source["embedding"]!.AsArray())) / 2))
                .OrderByDescending(d => d.Score).Take((int)knn["k"]!)];
        }
        else
        {
            ranked = [.. candidates.Select(d => (d.Index, d.Id, d.Source, Score: WordScore(body["query"], d.Source)))];
        }

        List<JsonNode?>? sortValues = null;
        if (body["sort"] is JsonNode sort)
        {
            var field = SortField(sort);
            ranked = [.. ranked.OrderBy(d => (string?)d.Source[field], StringComparer.Ordinal)];
            if (body["search_after"] is JsonArray after)
                ranked = [.. ranked.Where(d => string.CompareOrdinal((string?)d.Source[field], (string)after[0]!) > 0)];
            sortValues = [.. ranked.Select(d => d.Source[field]?.DeepClone())];
        }
        else if (body["knn"] is null)
        {
            ranked = [.. ranked.OrderByDescending(d => d.Score)];
        }
        var total = ranked.Count;
        var size = (int?)body["size"] ?? 10;
        var hits = new JsonArray();
        foreach (var (hit, i) in ranked.Take(size).Select((hit, i) => (hit, i)))
        {
            var json = new JsonObject { ["_index"] = hit.Index, ["_id"] = hit.Id, ["_score"] = sortValues is null ? hit.Score : null };
            if (SourceOf(body["_source"], hit.Source) is { } source)
                json["_source"] = source;
            if (sortValues is not null)
                json["sort"] = new JsonArray(sortValues[i]);
            hits.Add(json);
        }
        var response = new JsonObject
        {
            ["took"] = 2, ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject { ["max_score"] = null, ["hits"] = hits },
        };
        if (body["track_total_hits"] is not JsonValue track || (bool)track)
            response["hits"]!["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" };
        return Reply(HttpStatusCode.OK, response.ToJsonString());
    }

    private Responder Count(string target, JsonNode? query) =>
        Resolve(target) is { } resolved
            ? Reply(HttpStatusCode.OK, new JsonObject
            {
                ["count"] = Visible(resolved, query).Count(),
                ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            }.ToJsonString())
            : Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));

    private Responder DeleteByQuery(string target, JsonNode query)
    {
        if (Resolve(target) is not { } resolved)
            return Reply(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));
        var doomed = Visible(resolved, query).ToList();
        foreach (var (index, id, _) in doomed)
            _indexes[index].Documents.Remove(id);
        return Reply(HttpStatusCode.OK, ElasticsearchResponses.DeletedByQuery(doomed.Count));
    }

    /// <summary>The concrete indexes behind an index name or an alias, with the alias's filter; null when neither exists.</summary>
    private List<(string Index, JsonNode? Filter)>? Resolve(string target)
    {
        if (_indexes.ContainsKey(target))
            return [(target, null)];
        var resolved = _indexes.Where(i => i.Value.Aliases.ContainsKey(target)).Select(i => (i.Key, i.Value.Aliases[target]["filter"])).ToList();
        return resolved.Count == 0 ? null : resolved;
    }

    /// <summary>The documents a request sees: the alias filter and the query both apply.</summary>
    private IEnumerable<(string Index, string Id, JsonObject Source)> Visible(List<(string Index, JsonNode? Filter)> resolved, JsonNode? query) =>
        from target in resolved
        from document in _indexes[target.Index].Documents
        where Matches(target.Filter, document.Value) && Matches(query, document.Value)
        select (target.Index, document.Key, document.Value);

    private static bool Matches(JsonNode? query, JsonObject document)
    {
        if (query is null)
            return true;
        var (kind, body) = query.AsObject().Single();
        switch (kind)
        {
            case "bool":
                var should = Clauses(body!["should"]).ToList();
                return Clauses(body["filter"]).All(clause => Matches(clause, document))
                       && Clauses(body["must"]).All(clause => Matches(clause, document))
                       && !Clauses(body["must_not"]).Any(clause => Matches(clause, document))
                       && (should.Count == 0 || should.Any(clause => Matches(clause, document)));
            case "term":
                var (field, term) = body!.AsObject().Single();
                return document[field]?.ToString() == (term is JsonObject longForm ? longForm["value"] : term)?.ToString();
            case "terms":
                var (termsField, values) = body!.AsObject().Single();
                return values!.AsArray().Any(v => document[termsField]?.ToString() == v?.ToString());
            case "match":
                var (matchField, match) = body!.AsObject().Single();
                var text = (string?)(match is JsonObject matchBody ? matchBody["query"] : match) ?? "";
                return Words(text).Overlaps(Words((string?)document[matchField] ?? ""));
            case "match_all":
                return true;
            default:
                throw new AssertionException($"The fake node does not evaluate {kind} queries");
        }
    }

    private static double WordScore(JsonNode? query, JsonObject document) =>
        query is JsonObject { } q && q["bool"]?["should"] is { } should
            ? Clauses(should).Count(clause => Matches(clause, document))
            : 1;

    /// <summary>The client writes a one-item list as the item itself.</summary>
    private static IEnumerable<JsonNode> Clauses(JsonNode? clauses) => clauses switch
    {
        null => [],
        JsonArray array => array.Select(c => c!),
        _ => [clauses],
    };

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', '.', ',', ';', ':', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)];

    private static string SortField(JsonNode sort)
    {
        var first = sort is JsonArray array ? array[0]! : sort;
        return first is JsonValue name ? (string)name! : first.AsObject().Single().Key;
    }

    private static JsonObject? SourceOf(JsonNode? request, JsonObject source)
    {
        if (request is JsonValue value && !(bool)value)
            return null;
        var copy = source.DeepClone().AsObject();
        foreach (var excluded in Clauses(request?["excludes"]))
            copy.Remove((string)excluded!);
        return copy;
    }

    private static double Cosine(double[] query, JsonArray vector)
    {
        double dot = 0, a = 0, b = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var v = (double)vector[i]!;
            dot += query[i] * v;
            a += query[i] * query[i];
            b += v * v;
        }
        return a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
    }

    private static Responder Reply(HttpStatusCode status, string json) => RecordingElasticsearchHandler.Reply(status, json);

    private sealed class FakeIndex(JsonObject mappings)
    {
        public JsonObject Mappings { get; } = mappings;
        public Dictionary<string, JsonObject> Aliases { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, JsonObject> Documents { get; } = new(StringComparer.Ordinal);
    }
}
