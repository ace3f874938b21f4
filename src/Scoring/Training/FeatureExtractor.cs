using Google.Protobuf;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging;

namespace LandUse.Scoring.Training;

/// <summary>
/// Batched 512-d ImageNet ResNet18 features (preprocessing inside the graph) for transfer learning: the same
/// decoder, batching and session settings as scoring, so features at training time match the fused model exactly.
/// </summary>
public sealed class FeatureExtractor : IDisposable
{
    private readonly BatchEngine _engine;

    public FeatureExtractor(ScoringOptions? options = null, ILogger? logger = null, BackboneFiles? files = null)
    {
        options ??= new ScoringOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        var log = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var model = BackboneGraph.BuildFeatureModel(files).ToByteArray();
        var (session, provider) = SessionFactory.Open(null, model, "resnet18-features", options, options.BatchSize, log);
        _engine = new BatchEngine(session, provider, BackboneGraph.InputName, BackboneGraph.FeatureName, BackboneGraph.FeatureCount,
            InputSpec.Rgb255(), options, options.BatchSize, log);
    }

    public static int Dimension => BackboneGraph.FeatureCount;

    public string ActiveProvider => _engine.ActiveProvider;

    /// <summary>Features for each tile, in input order; <paramref name="progress"/> gets the count done after each batch.</summary>
    public IReadOnlyList<FeatureRow> Extract(IEnumerable<TileInput> tiles, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<FeatureRow>();
        foreach (var batch in _engine.Run(tiles, cancellationToken))
        {
            rows.AddRange(batch.Select(r => new FeatureRow(r.Ref, r.Output, r.Error)));
            progress?.Report(rows.Count);
        }

        return rows;
    }

    /// <summary>Features for image files (each read when its batch is decoded); refs are the paths as given.</summary>
    public IReadOnlyList<FeatureRow> ExtractFiles(IReadOnlyList<string> paths, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Extract(paths.Select(p => new TileInput(p, File.ReadAllBytes(p))), progress, cancellationToken);
    }

    public void Dispose() => _engine.Dispose();
}
