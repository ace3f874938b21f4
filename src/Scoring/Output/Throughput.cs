namespace LandUse.Scoring.Output;

/// <summary>
/// The one tiles/s definition, everywhere it is printed: tiles scored in this attempt (tiles that got a label now;
/// failed tiles and rows reused from an earlier attempt excluded) divided by the wall seconds of the run.
/// </summary>
public static class Throughput
{
    public static double TilesPerSecond(long tilesScored, double wallSeconds) =>
        wallSeconds > 0 && tilesScored > 0 ? tilesScored / wallSeconds : 0;
}
