using Google.Protobuf;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Runs the float model on calibration tiles with every planned activation added as an extra graph output, and
/// gathers each one's value distribution (<see cref="ValueHistogram"/>).
/// </summary>
internal static class ActivationCalibrator
{
    public static CalibrationResult Run(ModelProto floatModel, string inputName, IReadOnlyList<string> tensors, IReadOnlyList<LabeledTile> tiles, InputSpec spec,
        ScoringOptions options, int batchSize, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        ArgumentNullException.ThrowIfNull(tensors);
        var probe = floatModel.Clone();
        var declared = probe.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var tensor in tensors.Where(t => !declared.Contains(t)))
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = tensor,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        var histograms = tensors.ToDictionary(t => t, _ => new ValueHistogram(), StringComparer.Ordinal);
        var (session, _) = SessionFactory.Open(null, probe.ToByteArray(), "calibration", options, batchSize, NullLogger.Instance);
        var failed = new List<string>();
        var used = 0;
        using (session)
        using (var run = new RunOptions())
        {
            var names = tensors.ToArray();
            foreach (var batch in TileBatches.Read(tiles, spec, options, batchSize, ct))
            {
                failed.AddRange(batch.Failed);
                if (batch.Tiles.Count == 0)
                {
                    continue;
                }

                using var input = OrtValue.CreateTensorValueFromMemory(batch.Buffer, batch.Shape);
                using var outputs = session.Run(run, [inputName], [input], names);
                var values = outputs.ToArray();
                Parallel.For(0, names.Length, new ParallelOptions { CancellationToken = ct }, i =>
                    histograms[names[i]].Add(values[i].GetTensorDataAsSpan<float>()));
                used += batch.Tiles.Count;
                progress?.Report(used);
            }
        }

        return new CalibrationResult(histograms, used, failed);
    }
}

/// <summary>Each calibrated tensor's distribution, the tiles that produced them, and the tiles that could not be decoded.</summary>
internal sealed record CalibrationResult(IReadOnlyDictionary<string, ValueHistogram> Histograms, int Tiles, IReadOnlyList<string> Failed);
