using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>The storage account is ADLS Gen2, Entra-only and private, with every container and table the apps use.</summary>
public sealed class StorageTemplateTests(CompiledTemplate compiled)
{
    private ModuleDeployment Storage => compiled.Module("storage");

    [Fact]
    public void Account_has_hierarchical_namespace_and_no_shared_keys_or_public_blobs()
    {
        var properties = Storage.Resource("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.True((bool)properties["isHnsEnabled"]!);
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void Containers_for_tiles_results_models_and_the_deployment_package_are_created()
    {
        var names = Storage.Parameter("containerNames")!.AsArray().Select(compiled.Resolve).ToList();

        Assert.Equal(["tiles", "results", "models", "deploymentpackage"], names);
        Assert.Single(Storage.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [Fact]
    public void Prediction_and_run_tables_are_created()
    {
        var names = Storage.Parameter("tableNames")!.AsArray().Select(compiled.Resolve).ToList();

        Assert.Equal(["predictions", "runs"], names);
        Assert.Single(Storage.Resources("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }
}
