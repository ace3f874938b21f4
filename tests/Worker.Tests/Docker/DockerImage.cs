namespace LandUse.Worker.Tests.Docker;

/// <summary>
/// What src/Worker/Dockerfile's GPU image runs on: the final stage's base image, the cuDNN major its build-time
/// library check looks for (ARG CUDNN_MAJOR), and whether that check (ldd over the CUDA provider) is there at all.
/// </summary>
internal sealed record DockerImage(string BaseImage, string? CudnnMajor, bool ChecksProviderLibraries)
{
    public static DockerImage Read(string dockerfile)
    {
        var instructions = DockerfileInstructions.Parse(dockerfile);
        var final = DockerfileInstructions.FinalStage(instructions);
        var checks = final.Any(i => i.Op == "RUN"
            && i.Args.Contains("ldd /app/libonnxruntime_providers_cuda.so", StringComparison.Ordinal)
            && i.Args.Contains("libcudnn.so.${CUDNN_MAJOR}", StringComparison.Ordinal));
        return new DockerImage(DockerfileInstructions.FinalBase(instructions), DockerfileInstructions.ArgDefault(instructions, "CUDNN_MAJOR"), checks);
    }
}
