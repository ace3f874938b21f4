using LandUse.Scoring.Bundles;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Turns a bundle's raw output row into a prediction: softmax when the bundle outputs logits, probabilities moved into
/// <see cref="LabelScheme.Classes"/> order whatever the bundle's label order, and the most probable class.
/// </summary>
internal sealed class PredictionMapper(ModelBundle bundle)
{
    private readonly int[] _classOfOutput = [.. bundle.Labels.Select(l => (int)l)];
    private readonly bool _logits = bundle.Manifest.OutputKind == OutputKinds.Logits;

    public TilePrediction Map(RowResult row)
    {
        if (row.Output is null)
        {
            return TilePrediction.Failed(row.Ref, row.Error ?? "unknown decode failure");
        }

        if (_logits)
        {
            Softmax.InPlace(row.Output);
        }

        var probabilities = new float[LabelScheme.ClassCount];
        for (var i = 0; i < row.Output.Length; i++)
        {
            probabilities[_classOfOutput[i]] = row.Output[i];
        }

        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return new TilePrediction(row.Ref, (LandCover)best, probabilities, null, row.Resized);
    }
}
