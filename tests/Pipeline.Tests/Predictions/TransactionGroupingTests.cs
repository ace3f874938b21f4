using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Pipeline.Predictions;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Tests.Predictions;

public sealed class TransactionGroupingTests
{
    [Property(MaxTest = 40)]
    public Property Transactions_hold_at_most_100_upserts_of_one_partition_and_cover_every_row()
    {
        return Prop.ForAll(Gen.Choose(0, 1500).ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (count, distinctFolders) =>
        {
            // Few distinct shards when refs collide on purpose (same ref written twice) as well as many.
            var rows = Enumerable.Range(0, count)
                .Select(i => Row($"f{i % distinctFolders}/t{i}.png"))
                .Concat(Enumerable.Range(0, Math.Min(count, 5)).Select(i => Row($"f{i % distinctFolders}/t{i}.png")))
                .ToArray();
            var transactions = TablePredictionStore.TransactionsOf("run-x", rows);

            Assert.All(transactions, t =>
            {
                Assert.InRange(t.Count, 1, TablePredictionStore.MaxTransaction);
                Assert.Single(t.Select(a => a.Entity.PartitionKey).Distinct());
                Assert.Equal(t.Count, t.Select(a => a.Entity.RowKey).Distinct().Count());
            });
            var keys = transactions.SelectMany(t => t.Select(a => (a.Entity.PartitionKey, a.Entity.RowKey))).ToList();
            return keys.Count == keys.Distinct().Count() && keys.Count == rows.Select(r => r.Path).Distinct().Count();
        });
    }

    [Fact]
    public void A_hundred_and_one_rows_of_one_partition_need_two_transactions()
    {
        var sameShard = Enumerable.Range(0, 10_000)
            .Select(i => $"t{i}.png")
            .Where(r => ShardKey.ShardOf(r) == 7)
            .Take(101)
            .Select(Row)
            .ToArray();

        var transactions = TablePredictionStore.TransactionsOf("r", sameShard);

        Assert.Equal([100, 1], transactions.Select(t => t.Count).ToArray());
    }

    private static PredictionRow Row(string path) => new(path, null, null, "x")
    {
        ModelVersion = "m1",
        SourceVersion = "v1",
        ScoredAt = DateTimeOffset.UnixEpoch,
    };
}
