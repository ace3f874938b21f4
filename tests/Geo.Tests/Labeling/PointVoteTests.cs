using LandUse.Geo.Labeling;
using LandUse.Scoring.Labels;

namespace LandUse.Geo.Tests.Labeling;

public sealed class PointVoteTests
{
    [Theory]
    [InlineData(new[] { 41, 42, 43, 41, 41, 41, 42, 43, 41 }, LandCover.Forest)]
    [InlineData(new[] { 21, 22, 23, 24 }, LandCover.Developed)]
    [InlineData(new[] { 81 }, LandCover.Cultivated)]
    public void All_agreeing_on_one_class_through_different_codes_keeps_it(int[] codes, LandCover expected) =>
        Assert.Equal((expected, (DropReason?)null), PointVote.All(codes.Select(c => (int?)c).ToArray()));

    [Theory]
    [InlineData(new[] { 11, 11, 90, 95 }, DropReason.NotAClass)]
    [InlineData(new[] { 41, 41, 11 }, DropReason.Disagree)]
    [InlineData(new[] { 41, 22 }, DropReason.Disagree)]
    public void All_drops_tiles_that_are_no_class_or_disagree(int[] codes, DropReason reason) =>
        Assert.Equal(((LandCover?)null, reason), PointVote.All(codes.Select(c => (int?)c).ToArray()));

    [Fact]
    public void A_point_outside_the_NLCD_drops_the_tile_under_all_but_not_under_plurality()
    {
        int?[] codes = [41, 41, 41, null, 41];

        Assert.Equal(((LandCover?)null, (DropReason?)DropReason.OutsideNlcd), PointVote.All(codes));
        Assert.Equal(((LandCover?)LandCover.Forest, (DropReason?)null), PointVote.Plurality(codes));
        Assert.Equal(((LandCover?)null, (DropReason?)DropReason.OutsideNlcd), PointVote.Plurality([null, null]));
    }

    [Theory]
    [InlineData(new[] { 41, 41, 41, 41, 22, 22, 22, 22, 11 }, null, DropReason.Tie)]
    [InlineData(new[] { 41, 41, 41, 41, 11, 11, 90, 90, 95 }, null, DropReason.NotAClass)]
    [InlineData(new[] { 41, 41, 41, 22, 22, 11, 90, 71, 81 }, LandCover.Forest, null)]
    [InlineData(new[] { 41, 41, 41, 22, 22, 11, 11, 90, 71 }, null, DropReason.Tie)]
    [InlineData(new[] { 41, 41, 22, 22, 11, 11, 71, 81, 31 }, null, DropReason.Tie)]
    public void Plurality_counts_no_class_points_together_and_blanks_ties(int[] codes, LandCover? expected, DropReason? reason) =>
        Assert.Equal((expected, reason), PointVote.Plurality(codes.Select(c => (int?)c).ToArray()));
}
