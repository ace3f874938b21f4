using System.Text.Json.Serialization;

namespace LandUse.Scoring.Bundles;

/// <summary>
/// Everything a scorer must know about a model that the ONNX file itself does not say: label order,
/// pixel layout and normalization, and what the output means. Scoring never hard-codes any of it.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The label scheme every bundle of this project uses: the six land-cover classes.</summary>
    public const string LandCoverScheme = "landcover-6";

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>Lower-case hex SHA-256 of model.onnx; checked on load.</summary>
    public required string Sha256 { get; init; }

    /// <summary>
    /// The classes the model was trained on, in model-output order: two or more distinct class names. Scorers give
    /// every class not listed probability 0, so outputs always carry all six.
    /// </summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public required string InputName { get; init; }

    public required int InputWidth { get; init; }

    public required int InputHeight { get; init; }

    /// <summary>Tensor layout; only "NCHW" is supported.</summary>
    public string Layout { get; init; } = "NCHW";

    /// <summary>Order of the colour planes in the input tensor: "RGB" or "BGR".</summary>
    public string ChannelOrder { get; init; } = "RGB";

    /// <summary>Each 0-255 pixel value is multiplied by this before the mean is subtracted.</summary>
    public float PixelScale { get; init; } = 1f;

    /// <summary>Per-plane mean, in tensor plane order, subtracted after scaling.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0f, 0f, 0f];

    /// <summary>Per-plane standard deviation, in tensor plane order, divided after the mean.</summary>
    public IReadOnlyList<float> Std { get; init; } = [1f, 1f, 1f];

    /// <summary>"probabilities" (used as is) or "logits" (softmax applied by the scorer).</summary>
    public string OutputKind { get; init; } = OutputKinds.Probabilities;

    public string LabelScheme { get; init; } = LandCoverScheme;

    /// <summary>"fp32" or "int8" (<see cref="ModelPrecision"/>); manifests written before the field existed read as fp32.</summary>
    public string Precision { get; init; } = ModelPrecision.Fp32;

    /// <summary>For a derived bundle (an INT8 twin), the FP32 bundle it was made from; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParentModel? Parent { get; init; }

    /// <summary>For a quantized bundle, the tiles and method its activation ranges were calibrated with; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CalibrationSet? Calibration { get; init; }
}

/// <summary>The output kinds a manifest may name.</summary>
public static class OutputKinds
{
    public const string Probabilities = "probabilities";
    public const string Logits = "logits";
}
