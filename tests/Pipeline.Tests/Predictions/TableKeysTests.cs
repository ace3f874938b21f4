using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Tests.Predictions;

public sealed class TableKeysTests
{
    [Property]
    public Property Escaping_round_trips_and_leaves_no_forbidden_character(NonNull<string> value)
    {
        var key = TableKeys.Escape(value.Get);
        return Prop.ToProperty(
            TableKeys.Unescape(key) == value.Get
            && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)));
    }

    [Fact]
    public void Slashes_are_escaped_readably() => Assert.Equal("Forest%2Fa.png", TableKeys.Escape("Forest/a.png"));
}
