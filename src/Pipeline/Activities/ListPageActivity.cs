using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// Lists one page of tiles, stores it as the page's manifest, and returns only a handle: page number, tile and batch
/// counts and the continuation token. Listing the same token again stores the same manifest.
/// </summary>
[DurableTask(ActivityNames.ListPage)]
public sealed class ListPageActivity(
    TileStoreFactory tileStores, PredictionStoreFactory predictionStores, ILogger<ListPageActivity> log)
    : TaskActivity<ListPageRequest, PageListing>
{
    public override Task<PageListing> RunAsync(TaskActivityContext context, ListPageRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<PageListing> ExecuteAsync(ListPageRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var tiles = tileStores.Open(run.Source);
        var page = await tiles.ListPageAsync(input.ContinuationToken, run.PageSize, cancellationToken).ConfigureAwait(false);
        if (page.Tiles.Count > 0)
        {
            await predictionStores.Open(run.Output)
                .SavePageAsync(run.RunId, input.Page, page.Tiles, run.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        var batches = PageManifest.BatchCountOf(page.Tiles.Count, run.BatchSize);
        PipelineLog.PageListed(log, run.RunId, input.Page, page.Tiles.Count, batches);
        return new PageListing(input.Page, page.Tiles.Count, batches, page.ContinuationToken);
    }
}
