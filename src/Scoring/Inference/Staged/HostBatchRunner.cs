using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>Runs a session on host tensors straight over the batch's buffers: the CPU provider, or a CUDA fallback.</summary>
internal sealed class HostBatchRunner(InferenceSession session, string provider, string inputName, string outputName) : IBatchRunner
{
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames = [inputName];
    private readonly string[] _outputNames = [outputName];

    public string Provider => provider;

    public void Attach(HostBatch batch)
    {
    }

    public void Detach(HostBatch batch)
    {
    }

    public void Run(HostBatch batch, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (input, output) = batch.Views(count);
        session.Run(_runOptions, _inputNames, [input], _outputNames, [output]);
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        session.Dispose();
    }
}
