using System.Text.Json.Nodes;
using LandUse.Cli.Bench;

namespace LandUse.Cli.Tests;

public sealed class BenchFiguresTests
{
    private static readonly string[] ContractKeys =
    [
        "raw_tiles_per_s", "raw_by_batch", "decode_tiles_per_s_per_core", "end_to_end_tiles_per_s", "ratio", "orchestration_ms_per_tile",
        "orchestration_ms_per_tile_100k", "peak_working_set_mb", "table_rows_per_s", "provider", "cores", "seed_tiles_per_s_per_vcpu",
    ];

    [Fact]
    public void Bench_json_carries_every_contract_key_with_nulls_for_what_quick_and_a_missing_Azurite_leave_out()
    {
        var json = JsonNode.Parse(Quick().ToJson())!.AsObject();

        Assert.All(ContractKeys, key => Assert.True(json.ContainsKey(key), key));
        Assert.Equal(["1", "8", "32", "64"], json["raw_by_batch"]!.AsObject().Select(kv => kv.Key));
        Assert.Null(json["orchestration_ms_per_tile_100k"]);
        Assert.Null(json["table_rows_per_s"]);
        Assert.Equal("no Azurite here", (string?)json["table_rows_per_s_reason"]);
        Assert.Equal(1.3, (double)json["seed_tiles_per_s_per_vcpu"]!);
        Assert.Equal(">= 0.95", (string?)json["targets"]![0]!["target"]);
    }

    [Fact]
    public void Bench_table_lists_each_batch_and_says_what_was_not_measured()
    {
        var table = BenchTable.Format(Quick());

        Assert.Contains("| raw model, batch 64 (tiles/s) | 40.0 |", table, StringComparison.Ordinal);
        Assert.Contains("| raw model in lanes, batch 4 (tiles/s) | 45.0 |", table, StringComparison.Ordinal);
        Assert.Contains("| orchestration_ms_per_tile_100k | not measured (--quick) |", table, StringComparison.Ordinal);
        Assert.Contains("| table_rows_per_s (Azurite) | not measured: no Azurite here |", table, StringComparison.Ordinal);
        Assert.Contains("| ratio >= 0.95 | 0.9 | no |", table, StringComparison.Ordinal);
    }

    private static BenchFigures Quick() => new()
    {
        RawTilesPerSecond = 44,
        RawBestBatch = 32,
        RawByBatch = new Dictionary<string, double> { ["1"] = 42, ["8"] = 43, ["32"] = 44, ["64"] = 40 },
        RawLanesTilesPerSecond = 45,
        RawLanesBatch = 4,
        EndToEndTilesPerSecond = 39.6,
        Ratio = 0.9,
        OrchestrationMsPerTile = 0.3,
        TableRowsPerSecondReason = "no Azurite here",
        Provider = "CPU",
        Cores = 2,
        CoreBudget = "2 lanes x 1 intra-op thread on 2 cores",
        Model = "m (fp32)",
        Quick = true,
        Targets = [new BenchTarget("ratio", ">= 0.95", 0.9, false)],
    };
}
