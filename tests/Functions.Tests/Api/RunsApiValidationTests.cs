using LandUse.Functions.Api;
using LandUse.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Api;

[Collection(FunctionsAppGroup.Name)]
public sealed class RunsApiValidationTests(FunctionsAppFixture app)
{
    private RunsApi Api => app.Services.GetRequiredService<RunsApi>();

    [Theory]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("{", "body")]
    [InlineData("""{"runId":"bad id!"}""", "runId")]
    [InlineData("""{"runId":""}""", "runId")]
    [InlineData("""{"batchSize":0}""", "batchSize")]
    [InlineData("""{"batchSize":"many"}""", "batchSize")]
    [InlineData("""{"pageSize":999999}""", "pageSize")]
    [InlineData("""{"maxParallelBatches":-1}""", "maxParallelBatches")]
    [InlineData("""{"container":"Bad_Container"}""", "container")]
    [InlineData("""{"prefix":"../elsewhere"}""", "prefix")]
    [InlineData("""{"runId":"-leading-hyphen"}""", "runId")]
    [InlineData("""{"runId":"a/b"}""", "runId")]
    [InlineData("""{"runId":"0123456789012345678901234567890123456789012345678901234567890123"}""", "runId")]
    [InlineData("""{"container":"ab"}""", "container")]
    [InlineData("""{"container":"a--b"}""", "container")]
    [InlineData("""{"prefix":"/absolute"}""", "prefix")]
    [InlineData("""{"prefix":"a\\b"}""", "prefix")]
    [InlineData("""{"prefix":"a//b"}""", "prefix")]
    [InlineData("""{"prefix":"a/./b"}""", "prefix")]
    [InlineData("""{"prefix":"a/../../b"}""", "prefix")]
    [InlineData("""{"prefix":"a\u0000b"}""", "prefix")]
    [InlineData("""{"batchSize":4097}""", "batchSize")]
    [InlineData("""{"pageSize":0}""", "pageSize")]
    [InlineData("""{"maxParallelBatches":257}""", "maxParallelBatches")]
    [InlineData("""{"truth":"Sometimes"}""", "truth")]
    [InlineData("""{"colour":"red"}""", "colour")]
    [InlineData("""{"model":"a/b/c"}""", "model")]
    [InlineData("""{"model":"../x"}""", "model")]
    public async Task A_bad_start_body_is_a_400_problem_naming_the_field(string json, string field)
    {
        var result = await Api.StartAsync(HttpExchange.Request("POST", "/api/runs", json), app.Engine.Client, TestContext.Current.CancellationToken);
        var reply = await HttpExchange.ExecuteAsync(result);

        Assert.Equal(400, reply.Status);
        Assert.Equal("application/problem+json", reply.ContentType);
        Assert.Equal(field, reply.Text("field"));
        Assert.True(reply.Body.GetProperty("errors").TryGetProperty(field, out _), $"errors lacks '{field}': {reply.Body}");
        Assert.Contains(field, reply.Text("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_longer_than_a_blob_name_is_a_400_naming_the_prefix()
    {
        var json = $$"""{"prefix":"{{new string('a', 1025)}}"}""";
        var result = await Api.StartAsync(HttpExchange.Request("POST", "/api/runs", json), app.Engine.Client, TestContext.Current.CancellationToken);
        var reply = await HttpExchange.ExecuteAsync(result);

        Assert.Equal(400, reply.Status);
        Assert.Equal("prefix", reply.Text("field"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2016/")]
    [InlineData("2016/naip/")]
    [InlineData("a..b/c")]
    public void Clean_prefixes_pass(string prefix) => Assert.Null(Configuration.BlobPrefixes.Problem(prefix));

    [Fact]
    public async Task An_invalid_run_id_in_the_route_is_a_400_and_an_unknown_one_a_404()
    {
        var request = HttpExchange.Request("GET", "/api/runs/x");
        var invalid = await HttpExchange.ExecuteAsync(await Api.GetStatusAsync(request, app.Engine.Client, "no/such", TestContext.Current.CancellationToken));
        var unknown = await HttpExchange.ExecuteAsync(await Api.GetStatusAsync(request, app.Engine.Client, "never-started", TestContext.Current.CancellationToken));

        Assert.Equal(400, invalid.Status);
        Assert.Equal("runId", invalid.Text("field"));
        Assert.Equal(404, unknown.Status);
        Assert.Equal("application/problem+json", unknown.ContentType);
        Assert.Equal("never-started", unknown.Text("runId"));
    }

    [Fact]
    public async Task Delete_with_a_predictions_flag_that_is_not_a_boolean_is_a_400_naming_it()
    {
        var request = HttpExchange.Request("DELETE", "/api/runs/r1", query: "?predictions=maybe");
        var reply = await HttpExchange.ExecuteAsync(await Api.PurgeAsync(request, app.Engine.Client, "r1", TestContext.Current.CancellationToken));

        Assert.Equal(400, reply.Status);
        Assert.Equal("predictions", reply.Text("field"));
    }

    [Fact]
    public async Task Summary_and_cancel_of_an_unknown_run_are_404_problems()
    {
        var request = HttpExchange.Request("POST", "/api/runs/ghost/cancel");
        var summary = await HttpExchange.ExecuteAsync(await Api.GetSummaryAsync(app.Engine.Client, "ghost", TestContext.Current.CancellationToken));
        var cancel = await HttpExchange.ExecuteAsync(await Api.CancelAsync(request, app.Engine.Client, "ghost", TestContext.Current.CancellationToken));

        Assert.Equal(404, summary.Status);
        Assert.Equal(404, cancel.Status);
    }
}
