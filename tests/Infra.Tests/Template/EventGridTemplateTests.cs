using System.Text.Json.Nodes;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>Uploaded tiles reach the function's Event Grid blob trigger, and nothing else does.</summary>
public sealed class EventGridTemplateTests(CompiledTemplate compiled)
{
    private ModuleDeployment Subscription => compiled.Module("tile-uploads");

    private JsonNode Filter => Subscription.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!["filter"]!;

    [Fact]
    public void System_topic_listens_to_the_storage_account()
    {
        var topic = compiled.Module("storage-events").Resource("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Contains("storage", (string?)compiled.Module("storage-events").Parameter("storageAccountId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_blob_created_events_are_delivered()
    {
        Assert.Equal(["Microsoft.Storage.BlobCreated"], Filter["includedEventTypes"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Only_the_tiles_container_is_watched()
    {
        Assert.Equal("[format('/blobServices/default/containers/{0}/', parameters('containerName'))]", (string?)Filter["subjectBeginsWith"]);
        Assert.Equal("tiles", compiled.Resolve(Subscription.Parameter("containerName")));
    }

    [Fact]
    public void Only_png_and_jpg_uploads_are_delivered()
    {
        var endsWith = Assert.Single(Filter["advancedFilters"]!.AsArray(), f => (string?)f!["operatorType"] == "StringEndsWith")!;
        var suffixes = Subscription.Template["parameters"]!["fileSuffixes"]!["defaultValue"]!.AsArray().Select(n => (string?)n).ToList();

        Assert.Equal("subject", (string?)endsWith["key"]);
        Assert.Equal("[parameters('fileSuffixes')]", (string?)endsWith["values"]);
        Assert.Null(Subscription.Parameter("fileSuffixes"));
        Assert.Contains(".png", suffixes);
        Assert.Contains(".jpg", suffixes);
    }

    [Fact]
    public void Only_committed_blobs_count_not_empty_data_lake_creates()
    {
        var api = Assert.Single(Filter["advancedFilters"]!.AsArray(), f => (string?)f!["key"] == "data.api")!;

        Assert.Equal("StringIn", (string?)api["operatorType"]);
        Assert.Contains("FlushWithClose", api["values"]!.AsArray().Select(n => (string?)n));
        Assert.DoesNotContain("CreateFile", api["values"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Events_go_to_the_blob_extension_webhook_of_the_upload_function()
    {
        var destination = Subscription.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!["destination"]!;
        var url = (string?)destination["properties"]!["endpointUrl"];

        Assert.Equal("WebHook", (string?)destination["endpointType"]);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", url, StringComparison.Ordinal);
        Assert.Contains("listKeys(", url, StringComparison.Ordinal);
        Assert.Contains("/host/default", url, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", url, StringComparison.Ordinal);
        Assert.Equal("ScoreUploadedTile", compiled.Resolve(Subscription.Parameter("functionName")));
    }

    [Fact]
    public void Subscription_is_deployed_after_the_function_app_and_only_when_enabled()
    {
        var deployment = Subscription.Deployment;

        Assert.Equal("[parameters('blobEventsEnabled')]", (string?)deployment["condition"]);
        Assert.Contains(deployment["dependsOn"]!.AsArray(), d => ((string?)d)!.Contains("'function-app'", StringComparison.Ordinal));
        Assert.False((bool)compiled.Root["parameters"]!["blobEventsEnabled"]!["defaultValue"]!);
    }
}
