namespace LandUse.Pipeline.Orchestration;

/// <summary>The registered names of the pipeline's orchestrators; hosts (the embedded engine, Functions shims) use these.</summary>
public static class OrchestrationNames
{
    public const string ScoreRun = "ScoreRun";
    public const string ScorePage = "ScorePage";
    public const string CompareRuns = "CompareRuns";

    /// <summary>The external event that stops a run gracefully: no new batches, in-flight ones finish and are written.</summary>
    public const string StopEvent = "Stop";
}

/// <summary>The registered names of the pipeline's activities.</summary>
public static class ActivityNames
{
    public const string StartRun = "StartRun";
    public const string ListPage = "ListPage";
    public const string ScoreBatch = "ScoreBatch";
    public const string Summarize = "Summarize";
    public const string FailRun = "FailRun";
    public const string CompareRuns = "CompareRunsActivity";
}
