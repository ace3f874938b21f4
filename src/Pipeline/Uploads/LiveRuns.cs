using LandUse.Pipeline.Ledger;

namespace LandUse.Pipeline.Uploads;

/// <summary>Uploaded tiles of a container are scored into one standing run, <c>live-&lt;container&gt;</c>.</summary>
public static class LiveRuns
{
    public const string Prefix = "live-";

    /// <exception cref="ArgumentException">The container name is too long to make a valid run id.</exception>
    public static string RunIdFor(string container) => RunIds.Validate(Prefix + container);
}
