using Onnx;

namespace LandUse.Scoring.Bundles;

/// <summary>
/// Reads an ONNX protobuf for reading only. OnnxSharp's ParseFromFile opens files read-write and unshared, which fails
/// whenever another process (a test, a worker) has the same model open.
/// </summary>
public static class OnnxFile
{
    public static ModelProto Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
