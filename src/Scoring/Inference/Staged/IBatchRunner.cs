namespace LandUse.Scoring.Inference.Staged;

/// <summary>Runs the model on the decoded tiles of a host batch, writing their output rows into the same batch.</summary>
internal interface IBatchRunner : IDisposable
{
    /// <summary>"CPU" or "CUDA": where the model runs.</summary>
    string Provider { get; }

    /// <summary>Prepares a host batch for this runner once (the CUDA runner page-locks it).</summary>
    void Attach(HostBatch batch);

    /// <summary>Undoes <see cref="Attach"/>.</summary>
    void Detach(HostBatch batch);

    /// <summary>Runs the model on the first <paramref name="count"/> tiles of <paramref name="batch"/>.</summary>
    void Run(HostBatch batch, int count);
}
