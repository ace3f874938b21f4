using System.Text.Json;
using LandUse.Functions.Api;

namespace LandUse.Functions.Tests.Support;

/// <summary>Polls <c>GET /api/runs/{runId}</c> until the run has the wanted status (and an extra condition holds).</summary>
internal static class RunStatusPoller
{
    public static async Task<JsonElement> WaitAsync(RunsApi api, FunctionsAppFixture app, string runId, string wanted, Func<JsonElement, bool>? until = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var reply = await HttpExchange.ExecuteAsync(await api.GetStatusAsync(HttpExchange.Request("GET", $"/api/runs/{runId}"), app.Engine.Client, runId, ct));
            Assert.Equal(200, reply.Status);
            var status = reply.Text("status");
            if (status == wanted && (until is null || until(reply.Body)))
            {
                return reply.Body;
            }

            Assert.True(status is "Pending" or "Running", $"Run {runId} ended {status}, not {wanted}: {reply.Body}");
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} still {status} after 3 minutes: {reply.Body}");
            await Task.Delay(250, ct);
        }
    }
}
