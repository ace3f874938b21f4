using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Runs;

internal static class PredictionsCsvBridge
{
    public static void Write(TextWriter writer, IReadOnlyList<PredictionRow> rows) => throw new NotSupportedException("pending scoring writer");
}
