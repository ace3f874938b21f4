using System.Net;
using System.Net.Http.Json;
using System.Text;
using LandUse.Worker.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace LandUse.Worker.Tests.Api;

public sealed class RequestValidationTests(SharedWorker worker)
{
    private async Task<(HttpStatusCode Status, ProblemDetails? Problem)> PostAsync(HttpContent content)
    {
        using var client = worker.Server.Client();
        using var response = await client.PostAsync(new Uri("v1/score", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken)
            : null;
        return (response.StatusCode, problem);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task More_tiles_than_the_cap_get_413_naming_the_cap()
    {
        var tiles = Enumerable.Range(0, SharedWorker.MaxTiles + 1).Select(i => $"a/{i}.png").ToArray();

        var (status, problem) = await PostAsync(JsonContent.Create(new { tiles }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains($"{SharedWorker.MaxTiles + 1} tiles", problem?.Detail, StringComparison.Ordinal);
        Assert.Contains($"cap of {SharedWorker.MaxTiles}", problem?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_byte_cap_gets_413_naming_the_cap_even_without_content_length()
    {
        var tiles = Enumerable.Range(0, SharedWorker.MaxTiles).Select(i => $"Developed/{new string('x', 140)}-{i}.png").ToArray();
        var json = System.Text.Json.JsonSerializer.Serialize(new { tiles });

        var (sized, sizedProblem) = await PostAsync(Json(json));
        var (chunked, chunkedProblem) = await PostAsync(new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized);
        Assert.Contains($"{SharedWorker.MaxBytes}-byte cap", sizedProblem?.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked);
        Assert.Contains($"{SharedWorker.MaxBytes}-byte cap", chunkedProblem?.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not a valid score request")]
    [InlineData("", "not a valid score request")]
    [InlineData("[]", "not a valid score request")]
    [InlineData("{}", "'tiles' array")]
    [InlineData("{\"tiles\": \"a.png\"}", "not a valid score request")]
    [InlineData("{\"tiles\": [\"a.png\", \"\"]}", "tiles[1] is empty")]
    [InlineData("{\"tiles\": [\"a.png\", null]}", "tiles[1] is empty")]
    [InlineData("{\"tiles\": [1, 2]}", "not a valid score request")]
    public async Task Malformed_bodies_get_400_problem_details_saying_what_is_wrong(string body, string expected)
    {
        var (status, problem) = await PostAsync(Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_another_model_version_gets_409()
    {
        var (status, problem) = await PostAsync(JsonContent.Create(new { tiles = new[] { "a.png" }, modelVersion = "not-this-one" }));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("not-this-one", problem?.Detail, StringComparison.Ordinal);
    }

    /// <summary>Forces HttpClient to send a chunked body with no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
