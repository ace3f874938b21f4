using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LandUse.Worker.Tests.Remote;

/// <summary>
/// Middleware in front of the worker's endpoints that answers chosen <c>/v1/score</c> calls with a 500 or stalls them
/// until the caller gives up. Faulted calls never reach the scorer.
/// </summary>
internal sealed class FaultInjection(IReadOnlySet<int> failing, IReadOnlySet<int> stalling)
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public void Install(WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/v1/score", StringComparison.Ordinal))
        {
            var call = Interlocked.Increment(ref calls);
            if (failing.Contains(call))
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            if (stalling.Contains(call))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }
        }

        await next(context);
    });
}
