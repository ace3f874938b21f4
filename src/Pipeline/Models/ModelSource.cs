using LandUse.Scoring.Registry;

namespace LandUse.Pipeline.Models;

/// <summary>
/// What a run scores with: a bundle folder (<see cref="Registry"/> null), or a reference (<c>&lt;name&gt;</c> or
/// <c>&lt;name&gt;/&lt;version&gt;</c>) into a model registry. The backends load it; a folder on a remote backend means
/// "the worker's own model".
/// </summary>
public sealed record ModelSource(string Reference, ModelRegistryLocation? Registry)
{
    public static ModelSource Folder(string path) => new(path, null);

    public bool IsFolder => Registry is null;

    /// <summary>
    /// This source held to the version a run recorded (a registry <c>&lt;name&gt;/&lt;version&gt;</c>), so every batch of a run
    /// scores with the version its rows carry even when a newer one is published meanwhile; a folder stays itself.
    /// </summary>
    public ModelSource Pinned(string modelVersion) =>
        !IsFolder && ModelReference.TryParse(modelVersion, out var pinned, out _) && pinned.IsPinned ? this with { Reference = pinned.ToString() } : this;

    public override string ToString() => IsFolder ? Reference : $"{Reference} in {Registry!.DisplayName}";
}
