using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LandUse.Worker.Health;

/// <summary>
/// <c>/readyz</c>'s body: the status and each check's reason in plain text ("Unhealthy: CUDA was asked for ... runs on
/// CPU ..."), so whoever reads a 503 (an operator, the Container Apps console) sees why without the logs.
/// </summary>
internal static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status.ToString());
        foreach (var entry in report.Entries.Values.Where(e => !string.IsNullOrEmpty(e.Description)))
        {
            text.Append(": ").Append(entry.Description);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.Append('\n').ToString(), context.RequestAborted);
    }
}
