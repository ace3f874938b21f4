using LandUse.Pipeline.Orchestration;

namespace LandUse.Functions.Tests.Metadata;

public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyDictionary<string, FunctionEntry> Functions = FunctionsMetadata.Load();

    [Theory]
    [InlineData("RunsStart", "POST", "runs")]
    [InlineData("RunsGet", "GET", "runs/{runId}")]
    [InlineData("RunsSummary", "GET", "runs/{runId}/summary")]
    [InlineData("RunsCancel", "POST", "runs/{runId}/cancel")]
    [InlineData("RunsDelete", "DELETE", "runs/{runId}")]
    [InlineData("CompareStart", "POST", "compare")]
    public void Http_functions_have_their_route_method_function_key_and_a_durable_client(string name, string method, string route)
    {
        var function = Functions[name];
        Assert.Equal("httpTrigger", function.TriggerType);
        Assert.Equal(route, function.Get("route"));
        Assert.Equal([method], function.Methods);
        Assert.Equal("Function", function.Get("authLevel"));
        Assert.Contains("durableClient", function.BindingTypes);
        Assert.Contains("http", function.BindingTypes);
    }

    [Theory]
    [InlineData(OrchestrationNames.ScoreRun)]
    [InlineData(OrchestrationNames.ScorePage)]
    [InlineData("CompareRuns")]
    public void Orchestrators_are_registered_under_the_names_the_pipeline_calls(string name) =>
        Assert.Equal("orchestrationTrigger", Functions[name].TriggerType);

    [Theory]
    [InlineData(ActivityNames.StartRun)]
    [InlineData(ActivityNames.ListPage)]
    [InlineData(ActivityNames.ScoreBatch)]
    [InlineData(ActivityNames.Summarize)]
    [InlineData(ActivityNames.FailRun)]
    [InlineData("CompareRunsActivity")]
    public void Activities_are_registered_under_the_names_the_pipeline_calls(string name) =>
        Assert.Equal("activityTrigger", Functions[name].TriggerType);

    [Fact]
    public void Upload_trigger_is_an_event_grid_blob_trigger_on_the_tiles_container_with_the_identity_connection()
    {
        var function = Functions["ScoreUploadedTile"];
        Assert.Equal("blobTrigger", function.TriggerType);
        Assert.Equal("tiles/{name}", function.Get("path"));
        Assert.Equal("EventGrid", function.Get("source"));
        Assert.Equal("TilesStorage", function.Get("connection"));
        Assert.Equal("True", function.Trigger.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString()); // binds BlobClient
    }

    [Fact]
    public void The_app_has_exactly_the_expected_functions()
    {
        string[] expected =
        [
            "RunsStart", "RunsGet", "RunsSummary", "RunsCancel", "RunsDelete", "CompareStart",
            OrchestrationNames.ScoreRun, OrchestrationNames.ScorePage, "CompareRuns",
            ActivityNames.StartRun, ActivityNames.ListPage, ActivityNames.ScoreBatch, ActivityNames.Summarize, ActivityNames.FailRun,
            "CompareRunsActivity", "ScoreUploadedTile",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(Functions.Values, f => Assert.StartsWith("LandUse.Functions.Triggers.", f.EntryPoint, StringComparison.Ordinal));
    }

    [Fact]
    public void Host_json_is_linked_into_the_output_with_the_durable_settings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        using var host = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("LandUseHub", durable.GetProperty("hubName").GetString());
        Assert.False(durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32() > 0);
        Assert.True(host.RootElement.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings").GetProperty("isEnabled").GetBoolean());
    }
}
