using System.Globalization;
using System.Text;

namespace LandUse.Cli.Bench;

/// <summary>The benchmark's figures as the Markdown table docs/PERFORMANCE.md shows, with its targets below.</summary>
internal static class BenchTable
{
    public static string Format(BenchFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"landuse bench{(f.Quick ? " --quick" : "")}: {f.Model}, provider {f.Provider}, {f.Cores} cores ({f.CoreBudget}), load {f.LoadBefore:F2} before, {f.LoadAfter:F2} after, {f.Seconds:F0} s");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        foreach (var (batch, rate) in f.RawByBatch)
        {
            text.AppendLine(c, $"| raw model, batch {batch} (tiles/s) | {rate:F1} |");
        }

        text.AppendLine(c, $"| raw_tiles_per_s (best batch, {f.RawBestBatch}) | {f.RawTilesPerSecond:F1} |");
        text.AppendLine(c, $"| raw model in lanes, batch {f.RawLanesBatch} (tiles/s) | {f.RawLanesTilesPerSecond:F1} |");
        text.AppendLine(c, $"| decode_tiles_per_s_per_core | {f.DecodeTilesPerSecondPerCore:F0} |");
        text.AppendLine(c, $"| end_to_end_tiles_per_s ({f.EndToEndTiles:N0}-tile run, model load {f.ModelLoadSeconds:F1} s apart) | {f.EndToEndTilesPerSecond:F1} |");
        text.AppendLine(c, $"| ratio (end to end / raw) | {f.Ratio:F3} |");
        text.AppendLine(c, $"| end to end per core (seed: {f.SeedTilesPerSecondPerVcpuValue:F1} tiles/s per vCPU) | {f.EndToEndTilesPerSecondPerCore:F2} |");
        text.AppendLine(c, $"| orchestration_ms_per_tile ({f.OrchestrationTiles:N0} tiles, no-op scorer) | {f.OrchestrationMsPerTile:F3} |");
        text.AppendLine(c, $"| orchestration_ms_per_tile_100k | {(f.OrchestrationMsPerTile100k is { } ms ? ms.ToString("F3", c) : "not measured (--quick)")} |");
        text.AppendLine(c, $"| peak_working_set_mb (end-to-end run) | {f.PeakWorkingSetMb} |");
        text.AppendLine(c, $"| peak working set, no-op run of {f.OrchestrationTiles:N0} / 100,000 (MiB) | {f.OrchestrationPeakWorkingSetMb} / {(f.OrchestrationPeakWorkingSetMb100k is { } p ? p.ToString(c) : "-")} |");
        text.AppendLine(c, $"| table_rows_per_s (Azurite) | {(f.TableRowsPerSecond is { } t ? t.ToString("F0", c) : "not measured: " + f.TableRowsPerSecondReason)} |");
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---|---|");
        foreach (var target in f.Targets)
        {
            text.AppendLine(c, $"| {target.Name} {target.Target} | {(target.Measured is { } m ? m.ToString("0.###", c) : "not measured")} | {(target.Met is { } met ? (met ? "yes" : "no") : "-")} |");
        }

        if (!f.PeaksPerStage)
        {
            text.AppendLine();
            text.AppendLine("Peaks are the process's since it started: it could not reset its high-water mark.");
        }

        return text.ToString();
    }
}
