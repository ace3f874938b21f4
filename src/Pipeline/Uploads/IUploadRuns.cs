using LandUse.Pipeline.Orchestration;

namespace LandUse.Pipeline.Uploads;

/// <summary>
/// What the host decides about upload scoring: the live run (source, model, output) a container's uploads score into,
/// and how events are batched. The Functions app implements it from its settings.
/// </summary>
public interface IUploadRuns
{
    /// <summary>The run request of <paramref name="container"/>'s live run (<see cref="LiveRuns.RunIdFor"/>).</summary>
    RunRequest RunFor(string container);

    LiveRunOptions Batching { get; }
}
