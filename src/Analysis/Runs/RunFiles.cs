namespace LandUse.Analysis.Runs;

/// <summary>The file names of a run's folder (or of <c>runs/&lt;runId&gt;/</c> in the results container), declared once.</summary>
public static class RunFiles
{
    public const string Summary = "summary.json";
    public const string Predictions = Scoring.Output.PredictionCsv.FileName;
    public const string Index = "index.csv";
    public const string Report = "report.html";
    public const string Map = "map.png";
    public const string MapSmoothed = "map-smoothed.png";

    /// <summary>Each tile's footprint as a WGS 84 polygon with its prediction, when the tiles have coordinates.</summary>
    public const string PredictionsGeoJson = "predictions.geojson";

    /// <summary>The ledger entry of a file-backed run (status, counts, request and summary).</summary>
    public const string Ledger = "run.json";

    /// <summary>Live progress of a file-backed run, written while it runs.</summary>
    public const string Progress = "progress.json";

    /// <summary>The prefix of a run's artifacts in a results container: <c>runs/&lt;runId&gt;/</c>.</summary>
    public static string BlobPrefix(string runId) => $"runs/{runId}/";
}
