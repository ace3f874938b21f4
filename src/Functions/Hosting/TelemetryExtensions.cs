using Azure.Monitor.OpenTelemetry.Exporter;
using LandUse.Pipeline.Connections;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LandUse.Functions.Hosting;

/// <summary>One place that decides where the worker's traces, metrics and logs go.</summary>
public static class TelemetryExtensions
{
    /// <summary>Setting the Functions platform and Application Insights read the connection string from.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry with the Functions worker's defaults (invocation spans, resource attributes); exported to
    /// Azure Monitor only when the Application Insights connection string is set, so local runs need no account.
    /// </summary>
    public static IHostApplicationBuilder AddLandUseTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // Application Insights refuses local (key-only) auth: send with the app's managed identity (the one credential).
            var credential = builder.Services.AddLandUseCredential();
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        return builder;
    }
}
