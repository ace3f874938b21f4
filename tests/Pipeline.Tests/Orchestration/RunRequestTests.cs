using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Tests.Orchestration;

public sealed class RunRequestTests
{
    private static readonly RunRequest Valid = new()
    {
        RunId = "r1",
        Source = TileSourceSpec.Local("/tiles"),
        ModelBundle = "/bundle",
        Output = PredictionTarget.Files("/runs"),
    };

    [Fact]
    public void A_valid_request_passes() => Assert.Same(Valid, Valid.Validate());

    [Fact]
    public void Bad_fields_are_named()
    {
        Assert.Contains("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => (Valid with { BatchSize = 0 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", Assert.Throws<ArgumentOutOfRangeException>(() => (Valid with { PageSize = 100_000 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("a b", Assert.Throws<ArgumentException>(() => (Valid with { RunId = "a b" }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ModelBundle", Assert.Throws<ArgumentException>(() => (Valid with { ModelBundle = " " }).Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_instance_ids_are_stable_per_run_instance() =>
        Assert.Equal("run~1:p000012", ScoreRunOrchestrator.PageInstanceId("run~1", 12));
}
