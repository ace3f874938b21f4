using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Wire;
using LandUse.Worker.Api;
using LandUse.Worker.Batching;
using LandUse.Worker.Health;
using LandUse.Worker.Model;
using LandUse.Worker.Options;
using LandUse.Worker.Tiles;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Extensions;

/// <summary>The worker's composition: options, its own model and the registry's, batcher, tile reader, auth, telemetry, and its endpoints.</summary>
public static partial class WorkerExtensions
{
    /// <summary>Registers everything <c>/v1/score</c> needs, from the <c>Worker</c> configuration section.</summary>
    public static IHostApplicationBuilder AddScoringWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ProviderSetting.ApplyAlias(builder.Configuration);
        var section = builder.Configuration.GetSection(WorkerOptions.SectionName);
        var settings = section.Get<WorkerOptions>() ?? new WorkerOptions();
        builder.Services.AddOptions<WorkerOptions>().Bind(section);

        // The worker's one credential (its managed identity in Azure): blob reads and telemetry export share it.
        var credential = new DefaultAzureCredential();
        builder.Services.AddSingleton<TokenCredential>(credential);

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IScorerSource, ModelLoader>();
        builder.Services.AddSingleton<ModelHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModelHost>());
        builder.Services.AddSingleton<ScoringBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScoringBatcher>());
        builder.Services.AddSingleton(sp => new TileReader(sp.GetRequiredService<IOptions<WorkerOptions>>(), CreateBlobClient(settings.Tiles.ConnectionString, settings.Tiles.BlobServiceUri, credential)));
        builder.Services.AddSingleton(sp => new RegistryModels(
            sp.GetRequiredService<IOptions<WorkerOptions>>(),
            CreateBlobClient(settings.Models.ConnectionString, settings.Models.BlobServiceUri, credential) is { } blobs
                ? new ModelRegistry(blobs.GetBlobContainerClient(settings.Models.Container))
                : null,
            sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model", tags: [ModelReadyHealthCheck.Tag]);

        builder.AddWorkerAuth(settings.Auth);
        builder.AddWorkerTelemetry(credential);
        return builder;
    }

    /// <summary>Maps <c>/healthz</c>, <c>/readyz</c> (open) and <c>/v1/score</c>, <c>/v1/model</c>, <c>/v1/models</c> (authenticated).</summary>
    public static WebApplication MapScoringWorker(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var tiles = settings.Tiles;
        LogStartup(app.Logger, settings.Auth.BearerConfigured, settings.Auth.RequiredRole, settings.Auth.SharedKeyConfigured, tiles.Root, tiles.ConnectionString is { Length: > 0 } ? "(connection string)" : tiles.BlobServiceUri?.ToString());
        if (!settings.Auth.BearerConfigured && !settings.Auth.SharedKeyConfigured)
        {
            LogClosed(app.Logger);
        }

        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ModelReadyHealthCheck.Tag), ResponseWriter = ReadinessResponse.WriteAsync });

        var v1 = app.MapGroup("/v1").RequireAuthorization(AuthExtensions.ScorePolicy);
        v1.MapPost("/score", ScoreEndpoint.HandleAsync);
        v1.MapGet("/model", (ModelHost model) => model.Scorer is { } scorer
            ? Results.Ok(new ModelInfo(scorer.ModelVersion, scorer.ActiveProvider, settings.MaxBatch, settings.MaxTilesPerRequest, model.Session?.Id))
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Model not ready", detail: model.FailureReason ?? (model.Status == ModelStatus.Ready
                ? "This worker has no model of its own (no Worker__ModelPath); requests name registry models (GET /v1/models lists the loaded ones)."
                : "The model is still loading.")));
        v1.MapGet("/models", ModelsEndpoint.List);
        v1.MapPost("/models", ModelsEndpoint.LoadAsync);
        return app;
    }

    private static BlobServiceClient? CreateBlobClient(string? connectionString, Uri? serviceUri, TokenCredential credential)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString);
        }

        return serviceUri is { } uri ? new BlobServiceClient(uri, credential) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring worker: bearer auth {Bearer} (app role {RequiredRole}), shared key {SharedKey}, tile root {TilesRoot}, blob service {BlobService}")]
    private static partial void LogStartup(ILogger logger, bool bearer, string requiredRole, bool sharedKey, string? tilesRoot, string? blobService);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No authentication configured (Worker:Auth:Audience + TenantId, or Worker:Auth:SharedKey): every /v1 call will get 401")]
    private static partial void LogClosed(ILogger logger);
}
