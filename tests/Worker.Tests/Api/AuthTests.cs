using System.Net;
using System.Net.Http.Json;
using LandUse.Worker.Tests.Support;

namespace LandUse.Worker.Tests.Api;

public sealed class AuthTests(SharedWorker worker)
{
    private static readonly object Body = new { tiles = new[] { "Forest/t000.png" } };

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-shared-key-")]
    [InlineData("TEST-SHARED-KEY")]
    [InlineData("")]
    public async Task With_a_shared_key_configured_missing_or_wrong_keys_get_401(string? key)
    {
        using var client = worker.Server.Client(key);

        using var response = await client.PostAsJsonAsync("v1/score", Body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_entra_configured_a_call_without_a_bearer_token_gets_401_with_a_bearer_challenge()
    {
        var settings = await WorkerServer.SettingsAsync(
            null,
            ("Worker:Auth:Audience", "api://landuse-worker"),
            ("Worker:Auth:TenantId", "00000000-0000-0000-0000-000000000001"));
        settings.Remove("Worker:Auth:SharedKey");
        await using var server = await WorkerServer.StartAsync(settings);
        using var client = server.Client(null);

        using var response = await client.PostAsJsonAsync("v1/score", Body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task The_configured_shared_key_is_accepted_and_health_needs_no_credentials()
    {
        using var client = worker.Server.Client();
        using var anonymous = worker.Server.Client(null);

        using var response = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { worker.Tiles.Refs[0] } }, TestContext.Current.CancellationToken);
        using var health = await anonymous.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await anonymous.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
