using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LandUse.Worker.Tests.Docker;

/// <summary>
/// What the ONNX Runtime GPU package's native providers ask the loader for: the CUDA major of the CUDA provider's
/// libcudart/libcublas/libcublasLt, and the cuDNN major any of its providers names (the CUDA provider loads cuDNN
/// itself at run time; the TensorRT provider of the same build links it).
/// </summary>
internal sealed partial record PackageNeeds(string Package, string CudaProvider, IReadOnlyList<string> CudaLibraries, int CudaMajor, int? CudnnMajor)
{
    public static PackageNeeds Read(string packageFolder)
    {
        var native = Path.Combine(packageFolder, "runtimes", "linux-x64", "native");
        var provider = Path.Combine(native, "libonnxruntime_providers_cuda.so");
        var needed = ElfDynamicSection.Needed(provider);
        var cuda = needed.Where(n => CudaLibraryRegex().IsMatch(n)).ToList();
        var majors = cuda.Select(n => int.Parse(CudaLibraryRegex().Match(n).Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        if (majors.Count != 1)
        {
            throw new InvalidDataException($"{provider} links CUDA libraries of {majors.Count} majors ({string.Join(", ", cuda)}); expected one.");
        }

        var cudnn = Directory.EnumerateFiles(native, "libonnxruntime_providers_*.so")
            .SelectMany(ElfDynamicSection.Needed)
            .Select(n => CudnnRegex().Match(n))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        if (cudnn.Count > 1)
        {
            throw new InvalidDataException($"The providers in {native} link {cudnn.Count} cuDNN majors ({string.Join(", ", cudnn)}); expected one.");
        }

        return new PackageNeeds(PackageName(packageFolder), provider, cuda, majors[0], cudnn.Count == 1 ? cudnn[0] : null);
    }

    /// <summary>"id version" as the package's nuspec spells them.</summary>
    private static string PackageName(string packageFolder)
    {
        var nuspec = XDocument.Load(Directory.EnumerateFiles(packageFolder, "*.nuspec").Single());
        string? Value(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return $"{Value("id")} {Value("version")}";
    }

    [GeneratedRegex(@"^lib(cudart|cublas|cublasLt)\.so\.(?<major>\d+)$")]
    private static partial Regex CudaLibraryRegex();

    [GeneratedRegex(@"^libcudnn\.so\.(?<major>\d+)$")]
    private static partial Regex CudnnRegex();
}
