using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Tests.Connections;

/// <summary>Storage answers no retry can fix are one line naming the account, the container or table and the fix, and are not retried.</summary>
public sealed class StorageFailFastTests
{
    [Theory]
    [InlineData("https://acct.blob.core.windows.net/tiles?restype=container&comp=list", StorageService.Blob, "acct", "container 'tiles'")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/results/runs/r1/report.html", StorageService.Blob, "devstoreaccount1", "container 'results'")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/runs(PartitionKey='runs',RowKey='r1')", StorageService.Table, "devstoreaccount1", "table 'runs'")]
    [InlineData("https://acct.table.core.windows.net/Tables", StorageService.Table, "acct", null)]
    public void The_account_and_resource_are_read_from_the_request_uri(string uri, StorageService service, string account, string? resource)
    {
        Assert.Equal((account, resource), StorageResource.Of(new Uri(uri), service));
    }

    [Fact]
    public void A_refused_key_names_the_account_the_resource_and_the_fix_in_one_line()
    {
        var line = StorageFailFastPolicy.Explain(new Uri("http://127.0.0.1:10000/devstoreaccount1/tiles?restype=container"), StorageService.Blob, 403, "AuthorizationFailure");

        Assert.NotNull(line);
        Assert.Contains("'devstoreaccount1'", line, StringComparison.Ordinal);
        Assert.Contains("container 'tiles'", line, StringComparison.Ordinal);
        Assert.Contains("account key", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void A_missing_container_says_so_and_transient_answers_are_left_to_retries()
    {
        var missing = StorageFailFastPolicy.Explain(new Uri("https://acct.blob.core.windows.net/nosuch?restype=container"), StorageService.Blob, 404, "ContainerNotFound");

        Assert.Equal("Container 'nosuch' does not exist in storage account 'acct': create it and upload the tiles, or check the container name.", missing);
        Assert.Null(StorageFailFastPolicy.Explain(new Uri("https://acct.blob.core.windows.net/t/a.png"), StorageService.Blob, 503, "ServerBusy"));
        Assert.Null(StorageFailFastPolicy.Explain(new Uri("https://acct.blob.core.windows.net/t/a.png"), StorageService.Blob, 404, "BlobNotFound"));
    }

    [Fact]
    public void Activities_do_not_retry_a_storage_access_failure_but_retry_others()
    {
        var access = new TaskFailureDetails(typeof(TaskFailedException).FullName!, "Task failed", null,
            new TaskFailureDetails(typeof(StorageAccessException).FullName!, "Storage account 'a' refused the request", null, null, null), null);
        var transient = new TaskFailureDetails(typeof(TimeoutException).FullName!, "timed out", null, null, null);

        Assert.False(RetryPolicies.IsRetriable(access));
        Assert.True(RetryPolicies.IsRetriable(transient));
        Assert.Equal("Storage account 'a' refused the request", RetryPolicies.Innermost(access));
    }
}
