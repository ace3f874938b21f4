using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LandUse.TestSupport;

/// <summary>
/// Middleware in front of the scoring worker's endpoints that answers chosen <c>/v1/score</c> calls (1-based) with a
/// 500, holds them until the caller gives up, or shuts the worker down at the first one. Faulted calls never reach the
/// scorer. Used by tests/Worker.Tests and tests/Integration.
/// </summary>
public sealed class FaultInjection(IReadOnlyCollection<int> failing, IReadOnlyCollection<int> stalling, bool shutDownOnScore = false)
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Install(WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/v1/score", StringComparison.Ordinal))
        {
            var call = Interlocked.Increment(ref _calls);
            if (shutDownOnScore)
            {
                context.RequestServices.GetRequiredService<IHostApplicationLifetime>().StopApplication();
                context.Abort();
                return;
            }

            if (failing.Contains(call))
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            if (stalling.Contains(call))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted);
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
