using System.Globalization;
using System.Text.RegularExpressions;

namespace LandUse.Worker.Tests.Docker;

/// <summary>Compares what the GPU package's providers link with what the Dockerfile's base image has; one line per mismatch.</summary>
internal static partial class CudaDependencyCheck
{
    public static IReadOnlyList<string> Problems(PackageNeeds needs, DockerImage image)
    {
        var wants = $"{needs.Package}'s {Path.GetFileName(needs.CudaProvider)} needs CUDA {needs.CudaMajor} ({string.Join(", ", needs.CudaLibraries)})"
            + (needs.CudnnMajor is { } c ? $" and cuDNN {c}" : string.Empty);
        var tag = CudaTagRegex().Match(image.BaseImage);
        if (!tag.Success)
        {
            return [$"src/Worker/Dockerfile's base image {image.BaseImage} is not an nvidia/cuda runtime image (nvidia/cuda:<major>.<minor>.<patch>-cudnn-runtime-<os>), but {wants}."];
        }

        var problems = new List<string>();
        var cuda = int.Parse(tag.Groups["cuda"].Value, CultureInfo.InvariantCulture);
        if (cuda != needs.CudaMajor)
        {
            problems.Add($"src/Worker/Dockerfile's base image {image.BaseImage} is CUDA {cuda}, but {wants}: set CUDA_IMAGE to an nvidia/cuda:{needs.CudaMajor}.x.y-cudnn-runtime tag.");
        }

        if (!tag.Groups["cudnn"].Success)
        {
            problems.Add($"src/Worker/Dockerfile's base image {image.BaseImage} has no cuDNN (not a -cudnn-runtime- tag), but {wants}.");
        }
        else if (tag.Groups["cudnnMajor"].Success && needs.CudnnMajor is { } named
            && int.Parse(tag.Groups["cudnnMajor"].Value, CultureInfo.InvariantCulture) != named)
        {
            problems.Add($"src/Worker/Dockerfile's base image {image.BaseImage} has cuDNN {tag.Groups["cudnnMajor"].Value}, but {wants}.");
        }

        if (needs.CudnnMajor is { } major && image.CudnnMajor != major.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add($"src/Worker/Dockerfile checks its base image {image.BaseImage} for cuDNN {image.CudnnMajor ?? "(none)"} (CUDNN_MAJOR={image.CudnnMajor}), but {wants}.");
        }

        if (!image.ChecksProviderLibraries)
        {
            problems.Add($"src/Worker/Dockerfile's runtime stage on {image.BaseImage} no longer checks the CUDA provider's libraries (ldd /app/libonnxruntime_providers_cuda.so, libcudnn.so.${{CUDNN_MAJOR}}); {wants}.");
        }

        return problems;
    }

    [GeneratedRegex(@"^(?:(?:docker\.io|nvcr\.io)/)?nvidia/cuda:(?<cuda>\d+)\.\d+(?:\.\d+)?-(?<cudnn>cudnn(?<cudnnMajor>\d+)?-)?runtime-")]
    private static partial Regex CudaTagRegex();
}
