using System.Runtime.CompilerServices;
using System.Text.Json;
using LandUse.Analysis.Runs;
using LandUse.Pipeline.IO;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Serialization;

namespace LandUse.Pipeline.Ledger;

/// <summary>The ledger of file-backed runs: <c>&lt;runsDir&gt;/&lt;runId&gt;/run.json</c> and <c>progress.json</c>, each replaced atomically.</summary>
public sealed class FileRunLedger(string runsDir) : IRunLedger
{
    private readonly string _runsDir = Path.GetFullPath(runsDir);

    public string Description => _runsDir;

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) =>
        ReadAsync<RunRecord>(Path.Combine(Folder(runId), RunFiles.Ledger), cancellationToken);

    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AtomicFile.WriteAllTextAsync(Path.Combine(Folder(run.RunId), RunFiles.Ledger), JsonSerializer.Serialize(run, PipelineJson.Indented), cancellationToken);
    }

    public async IAsyncEnumerable<RunRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_runsDir))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(_runsDir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (RunIds.IsValid(name) && await GetAsync(name, cancellationToken).ConfigureAwait(false) is { } run)
            {
                yield return run;
            }
        }
    }

    public Task<RunProgress?> GetProgressAsync(string runId, CancellationToken cancellationToken) =>
        ReadAsync<RunProgress>(Path.Combine(Folder(runId), RunFiles.Progress), cancellationToken);

    public Task SaveProgressAsync(string runId, RunProgress progress, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Folder(runId), RunFiles.Progress), JsonSerializer.Serialize(progress, PipelineJson.Indented), cancellationToken);

    public Task<bool> DeleteAsync(string runId, CancellationToken cancellationToken)
    {
        var record = Path.Combine(Folder(runId), RunFiles.Ledger);
        var existed = File.Exists(record);
        File.Delete(record);
        File.Delete(Path.Combine(Folder(runId), RunFiles.Progress));
        return Task.FromResult(existed);
    }

    private string Folder(string runId) => Path.Combine(_runsDir, RunIds.Validate(runId));

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, PipelineJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path} is not a valid ledger entry: {ex.Message}", ex);
            }
        }
    }
}
