using System.Collections.Concurrent;
using LandUse.Scoring.Bundles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LandUse.Scoring.Registry;

/// <summary>
/// Registry versions downloaded once into a local folder, <c>&lt;folder&gt;/&lt;name&gt;/&lt;version&gt;/</c>. A download goes
/// to a temporary sibling folder, model.onnx hashed on the way and the bundle loaded (sha256, labels, shapes) before one
/// rename makes it the cache entry, so a crash never leaves a half-written entry behind. An entry is verified again on
/// every use (its manifest must be the registry's, its model must hash to it); one that is not is deleted and
/// downloaded again.
/// </summary>
public sealed partial class ModelCache(string folder, ILogger? logger = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    /// <summary>The cache folder (full path).</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The cached (or now downloaded) bundle of <paramref name="version"/>, verified.</summary>
    /// <exception cref="ModelRegistryException">The registry's copy is corrupt (<see cref="RegistryProblem.Corrupt"/>).</exception>
    public async Task<ModelBundle> GetAsync(ModelRegistry registry, RegistryVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(version);
        var entry = EntryFolder(version.Reference);
        var gate = _gates.GetOrAdd(entry, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryUse(entry, version) is { } cached)
            {
                return cached;
            }

            return await DownloadAsync(registry, version, entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Where a version is (or would be) cached.</summary>
    public string EntryFolder(ModelReference pinned)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        return Path.Combine(Folder, pinned.Name, pinned.Version ?? throw new ArgumentException($"Model reference '{pinned}' names no version.", nameof(pinned)));
    }

    private ModelBundle? TryUse(string entry, RegistryVersion version)
    {
        if (!Directory.Exists(entry))
        {
            return null;
        }

        string why;
        try
        {
            var manifest = File.ReadAllBytes(Path.Combine(entry, ModelBundle.ManifestFileName));
            if (manifest.AsSpan().SequenceEqual(version.ManifestBytes))
            {
                return ModelBundle.Load(entry);
            }

            why = "its manifest is not the registry's";
        }
        catch (Exception ex) when (ex is ModelBundleException or IOException or UnauthorizedAccessException)
        {
            why = ex.Message;
        }

        LogStale(_log, version.Reference, entry, why);
        Directory.Delete(entry, recursive: true);
        return null;
    }

    private async Task<ModelBundle> DownloadAsync(ModelRegistry registry, RegistryVersion version, string entry, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(entry)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(entry)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await registry.DownloadModelAsync(version, Path.Combine(temp, ModelBundle.ModelFileName), cancellationToken).ConfigureAwait(false);
            var manifest = new FileStream(Path.Combine(temp, ModelBundle.ManifestFileName), FileMode.CreateNew, FileAccess.Write);
            await using (manifest.ConfigureAwait(false))
            {
                await manifest.WriteAsync(version.ManifestBytes, cancellationToken).ConfigureAwait(false);
                manifest.Flush(flushToDisk: true);
            }

            try
            {
                ModelBundle.Load(temp);
            }
            catch (ModelBundleException ex)
            {
                throw new ModelRegistryException(RegistryProblem.Corrupt,
                    $"Model '{version.Reference}' in the {registry.DisplayName} is not a usable bundle: {ex.Message}", ex);
            }

            try
            {
                Directory.Move(temp, entry);
            }
            catch (IOException) when (Directory.Exists(entry))
            {
                // Another process cached it first; its entry is verified like any other.
                return TryUse(entry, version) ?? throw new IOException($"The model cache entry {entry} was replaced while it was written; try again.");
            }

            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogDownloaded(_log, version.Reference, version.ModelBytes, seconds, entry);
            return ModelBundle.Load(entry);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached model {Model} at {Folder} is not usable ({Reason}); downloading it again")]
    private static partial void LogStale(ILogger logger, ModelReference model, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloaded model {Model} ({Bytes} bytes, sha256 verified) in {Seconds:F1} s into {Folder}")]
    private static partial void LogDownloaded(ILogger logger, ModelReference model, long bytes, double seconds, string folder);
}
