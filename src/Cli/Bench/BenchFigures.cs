using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LandUse.Cli.Bench;

/// <summary>
/// What `landuse bench` measured, as its one JSON object: the contract keys (raw_tiles_per_s, raw_by_batch,
/// decode_tiles_per_s_per_core, end_to_end_tiles_per_s, ratio, orchestration_ms_per_tile,
/// orchestration_ms_per_tile_100k, peak_working_set_mb, table_rows_per_s, provider, cores, seed_tiles_per_s_per_vcpu)
/// and what a reader needs to judge them: tile counts, the core budget, load, and each target with where it stands.
/// </summary>
internal sealed record BenchFigures
{
    /// <summary>The Spark study's 1.2-1.4 tiles/s per vCPU, the reference for tiles/s per core.</summary>
    public const double SeedTilesPerSecondPerVcpu = 1.3;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [JsonPropertyName("raw_tiles_per_s")]
    public double RawTilesPerSecond { get; init; }

    [JsonPropertyName("raw_best_batch")]
    public int RawBestBatch { get; init; }

    [JsonPropertyName("raw_by_batch")]
    public required IReadOnlyDictionary<string, double> RawByBatch { get; init; }

    /// <summary>The same graph in the scorer's lanes (concurrent calls, one intra-op thread each), no decoding.</summary>
    [JsonPropertyName("raw_lanes_tiles_per_s")]
    public double RawLanesTilesPerSecond { get; init; }

    /// <summary>Tiles per model call in the lanes figure: the lanes' own (ScoringOptions.ModelBatchSize).</summary>
    [JsonPropertyName("raw_lanes_batch")]
    public int RawLanesBatch { get; init; }

    [JsonPropertyName("decode_tiles_per_s_per_core")]
    public double DecodeTilesPerSecondPerCore { get; init; }

    [JsonPropertyName("end_to_end_tiles_per_s")]
    public double EndToEndTilesPerSecond { get; init; }

    [JsonPropertyName("end_to_end_tiles")]
    public long EndToEndTiles { get; init; }

    [JsonPropertyName("model_load_s")]
    public double ModelLoadSeconds { get; init; }

    /// <summary>end_to_end_tiles_per_s / raw_tiles_per_s.</summary>
    [JsonPropertyName("ratio")]
    public double Ratio { get; init; }

    [JsonPropertyName("orchestration_ms_per_tile")]
    public double OrchestrationMsPerTile { get; init; }

    [JsonPropertyName("orchestration_tiles")]
    public long OrchestrationTiles { get; init; }

    /// <summary>Null with --quick.</summary>
    [JsonPropertyName("orchestration_ms_per_tile_100k")]
    public double? OrchestrationMsPerTile100k { get; init; }

    /// <summary>Peak working set of the end-to-end run (engine start, model load, run, summary) at batch 32.</summary>
    [JsonPropertyName("peak_working_set_mb")]
    public long PeakWorkingSetMb { get; init; }

    [JsonPropertyName("orchestration_peak_working_set_mb")]
    public long OrchestrationPeakWorkingSetMb { get; init; }

    [JsonPropertyName("orchestration_peak_working_set_mb_100k")]
    public long? OrchestrationPeakWorkingSetMb100k { get; init; }

    /// <summary>False where the process could not reset its high-water mark: peaks are then since the process started.</summary>
    [JsonPropertyName("peaks_per_stage")]
    public bool PeaksPerStage { get; init; }

    [JsonPropertyName("table_rows_per_s")]
    public double? TableRowsPerSecond { get; init; }

    [JsonPropertyName("table_rows_per_s_reason")]
    public string? TableRowsPerSecondReason { get; init; }

    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("cores")]
    public int Cores { get; init; }

    [JsonPropertyName("core_budget")]
    public required string CoreBudget { get; init; }

    [JsonPropertyName("end_to_end_tiles_per_s_per_core")]
    public double EndToEndTilesPerSecondPerCore { get; init; }

    [JsonPropertyName("seed_tiles_per_s_per_vcpu")]
    public double SeedTilesPerSecondPerVcpuValue { get; init; } = SeedTilesPerSecondPerVcpu;

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("quick")]
    public bool Quick { get; init; }

    [JsonPropertyName("load_average_before")]
    public double? LoadBefore { get; init; }

    [JsonPropertyName("load_average_after")]
    public double? LoadAfter { get; init; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; init; }

    /// <summary>Each target with its measured value and whether it is met (reported, never asserted).</summary>
    [JsonPropertyName("targets")]
    public required IReadOnlyList<BenchTarget> Targets { get; init; }

    /// <summary>The one JSON object `landuse bench --json` prints (">=" stays readable).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One target of issue 16: what is measured, the bound, the figure, and whether it holds (null when not measured).</summary>
internal sealed record BenchTarget(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("measured")] double? Measured,
    [property: JsonPropertyName("met")] bool? Met);
