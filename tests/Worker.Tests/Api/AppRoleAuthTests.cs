using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LandUse.Worker.Tests.Support;

namespace LandUse.Worker.Tests.Api;

/// <summary>
/// The worker in Azure accepts only tokens carrying the app role LandUse.Score (assigned to the Function App's managed
/// identity): no token 401, a valid token without the role 403, with it 200. Tokens are signed locally.
/// </summary>
public sealed class AppRoleAuthTests(AppRoleAuthTests.Worker worker) : IClassFixture<AppRoleAuthTests.Worker>
{
    [Fact]
    public async Task A_token_with_the_LandUse_Score_role_is_accepted()
    {
        using var response = await worker.PostAsync(TestTokens.Issue(["LandUse.Score"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("LandUse.Read")]
    [InlineData("landuse.score")]
    [InlineData("LandUse.Read,LandUse.Admin")]
    public async Task A_valid_token_without_the_role_gets_403(string roles)
    {
        using var response = await worker.PostAsync(TestTokens.Issue(roles.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task No_token_gets_401_with_a_bearer_challenge()
    {
        using var response = await worker.PostAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Tokens_with_the_role_but_for_another_audience_expired_or_signed_by_a_stranger_get_401()
    {
        using var otherAudience = await worker.PostAsync(TestTokens.Issue(["LandUse.Score"], audience: "api://someone-else"));
        using var expired = await worker.PostAsync(TestTokens.Issue(["LandUse.Score"], lifetime: TimeSpan.FromMinutes(-10)));
        using var stranger = await worker.PostAsync(TestTokens.Issue(["LandUse.Score"], strangerKey: true));

        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
    }

    [Fact]
    public async Task The_shared_key_still_works_next_to_bearer_auth_for_local_use()
    {
        using var client = worker.Server.Client();

        using var response = await client.PostAsJsonAsync("v1/score", worker.Body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One worker with Entra bearer auth trusting the local signing key, plus the shared key.</summary>
    public sealed class Worker : IAsyncLifetime
    {
        private TileFolder? tiles;

        internal WorkerServer Server { get; private set; } = null!;

        internal object Body => new { tiles = new[] { tiles!.Refs[0] } };

        public async ValueTask InitializeAsync()
        {
            tiles = TileFolder.Create(perClass: 1);
            var settings = await WorkerServer.SettingsAsync(tiles.Root, TestTokens.Settings);
            Server = await WorkerServer.StartAsync(settings, services: TestTokens.Trust);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            tiles?.Dispose();
        }

        internal async Task<HttpResponseMessage> PostAsync(string? token)
        {
            using var client = Server.Client(null);
            if (token is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return await client.PostAsJsonAsync("v1/score", Body, TestContext.Current.CancellationToken);
        }
    }
}
