using LandUse.Analysis.Change;
using LandUse.Functions.Configuration;
using Microsoft.Extensions.Logging;

namespace LandUse.Functions.Compare;

/// <summary>
/// The CompareRuns activity's work: load both runs from the tables, let Analysis's <see cref="ComparisonRunner"/> detect
/// change and write its report into a scratch folder, then upload the files to <c>&lt;results&gt;/compare/&lt;id&gt;/</c>.
/// </summary>
public sealed partial class RunComparer(AppStorage storage, ILogger<RunComparer> logger)
{
    public async Task<CompareRunsResult> CompareAsync(CompareRunsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = storage.OpenPredictions();
        var a = await StoredRunLoader.LoadAsync(store, request.RunA, cancellationToken).ConfigureAwait(false);
        var b = await StoredRunLoader.LoadAsync(store, request.RunB, cancellationToken).ConfigureAwait(false);
        var scratch = Directory.CreateTempSubdirectory("landuse-compare-");
        try
        {
            var outcome = ComparisonRunner.Run(a, b, request.Options, scratch.FullName);
            var results = storage.OpenResults();
            await results.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var uploaded = new List<Uri>();
            foreach (var file in Directory.EnumerateFiles(scratch.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = $"compare/{request.ComparisonId}/{Path.GetRelativePath(scratch.FullName, file).Replace('\\', '/')}";
                var blob = results.GetBlobClient(name);
                await blob.UploadAsync(file, overwrite: true, cancellationToken).ConfigureAwait(false);
                uploaded.Add(blob.Uri);
            }

            LogCompared(logger, request.RunA, request.RunB, outcome.Summary.CandidateCount, uploaded.Count);
            return new CompareRunsResult(request.ComparisonId, outcome.Summary, uploaded);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compared {RunA} with {RunB}: {Candidates} change candidates, {Files} files uploaded")]
    private static partial void LogCompared(ILogger logger, string runA, string runB, long candidates, int files);
}
