using System.Text.Json;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Serialization;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Ledger;

public sealed class FileRunLedgerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_run_record_round_trips_and_an_unknown_run_is_null()
    {
        using var folder = new TempFolder();
        var ledger = new FileRunLedger(folder.Path);
        var run = new RunRecord
        {
            RunId = "run3",
            Status = RunStatus.Completed,
            Listed = 5,
            Counts = new TileCounts { Scored = 4, Failed = 1, Failures = [new TileFailure("a.png", "broken")] },
        };

        await ledger.SaveAsync(run, Ct);

        Assert.Equal(JsonSerializer.Serialize(run, PipelineJson.Options), JsonSerializer.Serialize(await ledger.GetAsync("run3", Ct), PipelineJson.Options));
        Assert.Null(await ledger.GetAsync("other", Ct));
    }

    [Fact]
    public async Task Run_json_holds_the_summary_as_a_json_object_not_an_escaped_string()
    {
        using var folder = new TempFolder();
        var ledger = new FileRunLedger(folder.Path);
        var summary = RunSummaryBuilder.Build(new RunTotals { RunId = "s1", Listed = 2, Counts = new TileCounts { Scored = 2, Predicted = [0, 1, 0, 0, 0, 1] } });

        await ledger.SaveAsync(new RunRecord { RunId = "s1", Status = RunStatus.Completed, Summary = summary }, Ct);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(folder.Combine("s1", "run.json"), Ct));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("summary").ValueKind);
        Assert.Equal("s1", json.RootElement.GetProperty("summary").GetProperty("runId").GetString());
        Assert.Equal(2, (await ledger.GetAsync("s1", Ct))!.Summary!.Counts.Scored);
    }

    [Fact]
    public async Task Progress_is_kept_apart_from_the_record_and_both_go_on_delete()
    {
        using var folder = new TempFolder();
        var ledger = new FileRunLedger(folder.Path);
        await ledger.SaveAsync(new RunRecord { RunId = "p1", Status = RunStatus.Running }, Ct);
        await ledger.SaveProgressAsync("p1", new RunProgress { Phase = "Scoring", Listed = 10, Counts = new TileCounts { Scored = 4 } }, Ct);
        await ledger.SaveAsync(new RunRecord { RunId = "p1", Status = RunStatus.Completed }, Ct);

        Assert.Equal(RunStatus.Completed, (await ledger.GetAsync("p1", Ct))!.Status);
        Assert.Equal(4, (await ledger.GetProgressAsync("p1", Ct))!.Scored);
        Assert.Equal(["p1"], (await ToListAsync(ledger.ListAsync(Ct))).Select(r => r.RunId));

        Assert.True(await ledger.DeleteAsync("p1", Ct));
        Assert.Null(await ledger.GetAsync("p1", Ct));
        Assert.Null(await ledger.GetProgressAsync("p1", Ct));
        Assert.False(await ledger.DeleteAsync("p1", Ct));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
