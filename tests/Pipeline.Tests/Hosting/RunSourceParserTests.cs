using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Hosting;

public sealed class RunSourceParserTests
{
    [Fact]
    public void An_existing_folder_is_a_local_source()
    {
        using var folder = new TempFolder();
        var spec = RunSourceParser.Parse(folder.Path, "conn");
        Assert.Equal(TileSourceKind.Local, spec.Kind);
        Assert.Equal(folder.Path, spec.Root);
    }

    [Fact]
    public void An_azure_blob_url_uses_the_account_with_default_credentials()
    {
        var spec = RunSourceParser.Parse("https://acct.blob.core.windows.net/tiles/2016/county", null);
        Assert.Equal(("tiles", "2016/county", new Uri("https://acct.blob.core.windows.net")), (spec.Container, spec.Prefix, spec.BlobServiceUri));
        Assert.Null(spec.ConnectionName);
    }

    [Fact]
    public void An_adls_url_maps_to_the_blob_endpoint() =>
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), RunSourceParser.Parse("https://acct.dfs.core.windows.net/tiles", null).BlobServiceUri);

    [Fact]
    public void An_azurite_url_drops_the_account_segment_and_needs_a_connection()
    {
        var spec = RunSourceParser.Parse("http://127.0.0.1:10000/devstoreaccount1/tiles/set", "conn");
        Assert.Equal(("tiles", "set", "conn"), (spec.Container, spec.Prefix, spec.ConnectionName));
        Assert.Throws<ArgumentException>(() => RunSourceParser.Parse("http://127.0.0.1:10000/devstoreaccount1/tiles", null));
    }

    [Fact]
    public void Container_and_prefix_need_a_connection_and_the_error_says_so()
    {
        Assert.Equal(("tiles", "a/b"), (RunSourceParser.Parse("tiles/a/b", "conn").Container, RunSourceParser.Parse("tiles/a/b", "conn").Prefix));
        var error = Assert.Throws<ArgumentException>(() => RunSourceParser.Parse("no-such-folder-xyz/p", null));
        Assert.Contains("--connection", error.Message, StringComparison.Ordinal);
    }
}
