using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Output;
using LandUse.Scoring.Training;

namespace LandUse.Scoring.Folders;

/// <summary>
/// Scores every image file under a folder (recursive, stable order) into a predictions CSV. Unreadable, empty,
/// oversize or corrupt files become rows with an error; nothing about one tile stops the others.
/// </summary>
public static class FolderScorer
{
    /// <summary>Image files under <paramref name="root"/> as relative paths with forward slashes, in ordinal order.</summary>
    public static IReadOnlyList<string> ListImages(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Tile folder '{full}' does not exist.");
        }

        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Where(LabeledFolder.IsImage)
            .Select(p => Path.GetRelativePath(full, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static async Task<FolderScoreSummary> ScoreAsync(ITileScorer scorer, string folder, string outputCsv, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(folder);
        var files = ListImages(root);
        var readErrors = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var output = Path.GetFullPath(outputCsv);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var started = Stopwatch.GetTimestamp();
        var (scored, failed, resized) = (0, 0, 0);
        await using (var writer = new StreamWriter(output, false, new UTF8Encoding(false)))
        {
            using var csv = PredictionCsv.Open(writer);
            var tiles = ReadAsync(root, files, options.MaxFileBytes, readErrors, cancellationToken);
            await foreach (var prediction in scorer.ScoreStreamAsync(tiles, cancellationToken).ConfigureAwait(false))
            {
                var row = readErrors.TryGetValue(prediction.Ref, out var readError)
                    ? new PredictionRow(prediction.Ref, null, null, readError)
                    : PredictionRow.From(prediction.Ref, prediction);
                PredictionCsv.WriteRow(csv, row);
                scored += row.Succeeded ? 1 : 0;
                failed += row.Succeeded ? 0 : 1;
                resized += row.Succeeded && row.Resized ? 1 : 0;
            }
        }

        return new FolderScoreSummary(scored, failed, resized, output, scorer.ModelVersion, scorer.ActiveProvider, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Reads each file, but never more than one byte past the cap: the decoder rejects it by length alone.</summary>
    private static async IAsyncEnumerable<TileInput> ReadAsync(string root, IReadOnlyList<string> files, long maxBytes, ConcurrentDictionary<string, string> readErrors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var relative in files)
        {
            PooledBytes? content = null;
            try
            {
                content = await PooledBytes.ReadFileAsync(Path.Combine(root, relative), maxBytes + 1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                readErrors[relative] = $"Unreadable: tile '{relative}' could not be read ({ex.Message}).";
            }

            // The buffer is pooled: the scorer hands it back as soon as the tile is decoded.
            yield return new TileInput(relative, content?.Memory ?? ReadOnlyMemory<byte>.Empty) { Lease = content };
        }
    }
}
