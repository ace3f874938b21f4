using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LandUse.Worker.Tests.Docker;

/// <summary>
/// The GPU image's CUDA and cuDNN majors are the ones the ONNX Runtime GPU package's CUDA provider links: read from
/// the ELF NEEDED entries of the restored package's native libraries, checked against src/Worker/Dockerfile's base
/// image tag. A package bump that needs another CUDA fails here instead of at the first GPU request in Azure.
/// </summary>
public sealed partial class CudaDependencyTests
{
    private const string PackageId = "Microsoft.ML.OnnxRuntime.Gpu.Linux";
    private const string CudaProvider = "libonnxruntime_providers_cuda.so";

    [Fact]
    public void The_Dockerfile_base_image_has_the_CUDA_and_cuDNN_majors_the_GPU_package_links()
    {
        var needs = PackageNeeds.Read(PackageFolder());
        var image = DockerImage.Read(Path.Combine(RepositoryRoot(), "src", "Worker", "Dockerfile"));

        var problems = CudaDependencyCheck.Problems(needs, image);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04", "9", "CUDA 12")]
    [InlineData("nvidia/cuda:14.0.0-cudnn-runtime-ubuntu24.04", "9", "CUDA 14")]
    [InlineData("nvidia/cuda:13.2.0-runtime-ubuntu24.04", "9", "no cuDNN")]
    [InlineData("nvidia/cuda:13.2.0-cudnn8-runtime-ubuntu24.04", "9", "cuDNN 8")]
    [InlineData("nvidia/cuda:13.2.0-cudnn-runtime-ubuntu24.04", "8", "CUDNN_MAJOR=8")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", "9", "not an nvidia/cuda runtime image")]
    public void A_base_image_of_another_CUDA_or_cuDNN_major_is_refused_naming_both(string baseImage, string cudnnMajor, string named)
    {
        var needs = PackageNeeds.Read(PackageFolder());
        var image = new DockerImage(baseImage, cudnnMajor, ChecksProviderLibraries: true);

        var problems = CudaDependencyCheck.Problems(needs, image);

        var problem = Assert.Single(problems);
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Contains(baseImage, problem, StringComparison.Ordinal);
        Assert.Contains($"CUDA {needs.CudaMajor}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_CUDA_provider_links_one_CUDA_major_for_cudart_cublas_and_cublasLt()
    {
        var needed = ElfDynamicSection.Needed(Path.Combine(PackageFolder(), "runtimes", "linux-x64", "native", CudaProvider));

        Assert.Contains(needed, n => n.StartsWith("libcudart.so.", StringComparison.Ordinal));
        Assert.Contains(needed, n => n.StartsWith("libcublas.so.", StringComparison.Ordinal));
        Assert.Contains(needed, n => n.StartsWith("libcublasLt.so.", StringComparison.Ordinal));
        Assert.Contains("libc.so.6", needed);
        var majors = needed.Select(n => CudaLibrary().Match(n)).Where(m => m.Success).Select(m => m.Groups["major"].Value).Distinct().ToList();
        Assert.Single(majors);
    }

    [Fact]
    public void The_GPU_build_references_the_Linux_package_whose_managed_API_has_the_same_version()
    {
        var root = RepositoryRoot();
        var scoring = XDocument.Load(Path.Combine(root, "src", "Scoring", "Scoring.csproj"));
        var gpuReference = Assert.Single(scoring.Descendants("PackageReference"), r => ((string?)r.Attribute("Condition"))?.Contains("== 'true'", StringComparison.Ordinal) == true);
        Assert.Equal(PackageId, (string?)gpuReference.Attribute("Include"));

        var folder = PackageFolder();
        var version = Path.GetFileName(folder);
        var nuspec = XDocument.Load(Path.Combine(folder, "microsoft.ml.onnxruntime.gpu.linux.nuspec"));
        var managed = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Microsoft.ML.OnnxRuntime.Managed")
            .Select(e => (string?)e.Attribute("version")).Distinct().ToList();
        Assert.Equal([version], managed);
    }

    [Fact]
    public void The_ELF_reader_refuses_a_file_that_is_not_ELF_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"landuse-not-elf-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, new byte[128]);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ElfDynamicSection.Needed(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string PackageFolder()
    {
        var folder = typeof(CudaDependencyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OnnxRuntimeGpuPackage").Value!;
        Assert.True(
            File.Exists(Path.Combine(folder, "runtimes", "linux-x64", "native", CudaProvider)),
            $"{PackageId} is not restored at {folder} (tests/Worker.Tests downloads it with a PackageDownload; run dotnet restore).");
        return folder;
    }

    private static string RepositoryRoot() =>
        typeof(CudaDependencyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [GeneratedRegex(@"^lib(cudart|cublas|cublasLt)\.so\.(?<major>\d+)$")]
    internal static partial Regex CudaLibrary();
}
