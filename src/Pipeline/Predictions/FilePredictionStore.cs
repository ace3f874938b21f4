using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LandUse.Pipeline.IO;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// A run folder under <c>&lt;runsDir&gt;/&lt;runId&gt;/</c>: <c>pages/page-NNNNNN.json</c> manifests and one
/// part file per batch (<c>parts/pNNNNNN-bNNNNN.jsonl</c>) written atomically, so a killed run keeps every finished
/// batch and a resumed one reads them back. The final CSVs are merged from the parts when the run is summarized.
/// </summary>
public sealed class FilePredictionStore(string runsDir) : IPredictionStore
{
    private readonly string _runsDir = Path.GetFullPath(runsDir);

    public string Description => _runsDir;

    public string? RunFolder(string runId) => Path.Combine(_runsDir, RunIds.Validate(runId));

    public Task PrepareAsync(string runId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(RunFolder(runId)!, "pages"));
        Directory.CreateDirectory(Path.Combine(RunFolder(runId)!, "parts"));
        return Task.CompletedTask;
    }

    public Task SavePageAsync(string runId, int page, IReadOnlyList<TileEntry> tiles, int batchSize, CancellationToken cancellationToken)
    {
        var manifest = new PageManifest(page, batchSize, tiles);
        return AtomicFile.WriteAsync(
            PagePath(runId, page),
            stream => JsonSerializer.SerializeAsync(stream, manifest, PipelineJson.Options, cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<TileEntry>> LoadBatchAsync(string runId, int page, int batch, CancellationToken cancellationToken) =>
        (await LoadPageAsync(runId, page, cancellationToken).ConfigureAwait(false)).Batch(batch);

    public async Task<IReadOnlyDictionary<string, PredictionRow>> FindExistingAsync(
        string runId, int page, int batch, IReadOnlyList<TileEntry> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var wanted = tiles.Select(t => t.Ref).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, PredictionRow>(StringComparer.Ordinal);
        await foreach (var row in ReadPartAsync(PartPath(runId, page, batch), required: false, cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(row.Path))
            {
                found[row.Path] = row;
            }
        }

        return found;
    }

    public Task WriteBatchAsync(string runId, int page, int batch, IReadOnlyList<PredictionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(PartPath(runId, page, batch), async stream =>
        {
            var writer = new StreamWriter(stream, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var row in rows)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(row, PipelineJson.Options).AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }, cancellationToken);
    }

    public async IAsyncEnumerable<PredictionRow> ReadRunAsync(string runId, int pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 0; page < pages; page++)
        {
            var manifest = await LoadPageAsync(runId, page, cancellationToken).ConfigureAwait(false);
            for (var batch = 0; batch < manifest.BatchCount; batch++)
            {
                await foreach (var row in ReadPartAsync(PartPath(runId, page, batch), required: true, cancellationToken).ConfigureAwait(false))
                {
                    yield return row;
                }
            }
        }
    }

    public async Task<DeletedRows> DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        var folder = RunFolder(runId)!;
        long rows = 0, pages = 0;
        var parts = Path.Combine(folder, "parts");
        if (Directory.Exists(parts))
        {
            foreach (var part in Directory.EnumerateFiles(parts, "*.jsonl"))
            {
                rows += (await File.ReadAllLinesAsync(part, cancellationToken).ConfigureAwait(false)).Count(l => l.Length > 0);
            }

            Directory.Delete(parts, recursive: true);
        }

        var manifests = Path.Combine(folder, "pages");
        if (Directory.Exists(manifests))
        {
            pages = Directory.EnumerateFiles(manifests, "page-*.json").LongCount();
            Directory.Delete(manifests, recursive: true);
        }

        return new DeletedRows(rows, pages);
    }

    private async Task<PageManifest> LoadPageAsync(string runId, int page, CancellationToken cancellationToken)
    {
        var path = PagePath(runId, page);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Run '{runId}' has no manifest for page {page} ({path}).");
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<PageManifest>(stream, PipelineJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Page manifest {path} is empty.");
        }
    }

    private static async IAsyncEnumerable<PredictionRow> ReadPartAsync(string path, bool required, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            if (required)
            {
                throw new InvalidOperationException($"Batch results {path} are missing: the run did not finish that batch.");
            }

            yield break;
        }

        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<PredictionRow>(line, PipelineJson.Options)
                    ?? throw new InvalidOperationException($"{path} has an empty row.");
            }
        }
    }

    private string PagePath(string runId, int page) =>
        Path.Combine(RunFolder(runId)!, "pages", string.Create(CultureInfo.InvariantCulture, $"page-{page:D6}.json"));

    private string PartPath(string runId, int page, int batch) =>
        Path.Combine(RunFolder(runId)!, "parts", string.Create(CultureInfo.InvariantCulture, $"p{page:D6}-b{batch:D5}.jsonl"));
}
