using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using LandUse.Worker.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LandUse.Worker.Extensions;

/// <summary>OpenTelemetry metrics and traces; exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.</summary>
internal static class TelemetryExtensions
{
    public const string ServiceName = "landuse-worker";

    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder, TokenCredential credential)
    {
        builder.Services.AddSingleton<WorkerMetrics>();
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

        // Application Insights refuses local (key-only) auth: send with the worker's managed identity (AZURE_CLIENT_ID).
        void Identity(AzureMonitorExporterOptions options) => options.Credential = credential;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorkerMetrics.MeterName).AddAspNetCoreInstrumentation();
                if (azureMonitor)
                {
                    metrics.AddAzureMonitorMetricExporter(Identity);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation();
                if (azureMonitor)
                {
                    tracing.AddAzureMonitorTraceExporter(Identity);
                }
            });
        if (azureMonitor)
        {
            builder.Logging.AddOpenTelemetry(logging => logging.AddAzureMonitorLogExporter(Identity));
        }

        return builder;
    }
}
