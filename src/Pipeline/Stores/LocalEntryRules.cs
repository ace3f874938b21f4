namespace LandUse.Pipeline.Stores;

/// <summary>What the folder walk does with one directory entry.</summary>
public enum LocalEntryKind
{
    /// <summary>Not a tile (another file type, or a folder link inside the root whose tiles the real folder lists).</summary>
    Ignore,

    /// <summary>A real folder: walk into it.</summary>
    Folder,

    /// <summary>A tile to list; with a problem it becomes an error row without being opened.</summary>
    Tile,
}

/// <summary>One entry's decision: its kind, the file to list (the link's target for an in-root symlink) and its problem.</summary>
public readonly record struct LocalEntry(LocalEntryKind Kind, FileInfo? File, string? Problem);

/// <summary>
/// The local folder walk's rule for one entry, one call per entry, and the check before a local file is read: a symlink
/// that leads out of the root (to a file or a folder), a broken symlink, and a FIFO, socket or device named like an image
/// are listed as counted error rows and never opened (opening a FIFO blocks); names and sizes follow
/// <see cref="TileEntryRules"/>.
/// </summary>
public sealed class LocalEntryRules(Func<string, bool> isUnderRoot, TileEntryRules rules)
{
    public TileEntryRules Rules => rules;

    /// <summary>Decides what the walk does with <paramref name="info"/>, listed under <paramref name="key"/>.</summary>
    public LocalEntry Classify(FileSystemInfo info, string key)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(key);
        var image = TileRefs.IsImage(info.Name);
        if (info.LinkTarget is not null)
        {
            return ClassifyLink(info, key, image);
        }

        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            return new(LocalEntryKind.Folder, null, null);
        }

        if (!image)
        {
            return new(LocalEntryKind.Ignore, null, null);
        }

        var kind = FileKinds.Of(info.FullName);
        return kind == FileKind.Regular
            ? Tile((FileInfo)info, key)
            : new(LocalEntryKind.Tile, null, TileEntryRules.Problem("NotARegularFile", key, $"is {FileKinds.Describe(kind)}, not a regular file; it was not opened."));
    }

    /// <summary>Refuses to read a resolved path that is not a regular file or is over the cap (it may have changed since listing).</summary>
    /// <exception cref="IOException">The path is a FIFO, socket, device or folder, or too large.</exception>
    /// <exception cref="FileNotFoundException">Nothing is there.</exception>
    public void CheckReadable(string path, string tileRef)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"Tile '{tileRef}' does not exist.", tileRef);
        }

        if (kind != FileKind.Regular)
        {
            throw new IOException($"Tile '{tileRef}' is {FileKinds.Describe(kind)}, not a regular file; it was not opened.");
        }

        if (rules.ProblemOfSize(tileRef, new FileInfo(path).Length) is { } problem)
        {
            throw new IOException(problem);
        }
    }

    private LocalEntry ClassifyLink(FileSystemInfo info, string key, bool image)
    {
        FileSystemInfo? target;
        try
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            target = null; // A loop of links: treated as broken.
        }

        if (target is null || !target.Exists)
        {
            return image
                ? new(LocalEntryKind.Tile, null, TileEntryRules.Problem("BrokenSymlink", key, "is a symlink whose target does not exist; it was not read."))
                : new(LocalEntryKind.Ignore, null, null);
        }

        var folder = target is DirectoryInfo;
        if (!isUnderRoot(target.FullName))
        {
            return folder
                ? new(LocalEntryKind.Tile, null, TileEntryRules.Problem("SymlinkOutsideRoot", key, "is a symlink to a folder outside the tile folder; its tiles were not listed."))
                : image
                    ? new(LocalEntryKind.Tile, null, TileEntryRules.Problem("SymlinkOutsideRoot", key, "is a symlink that leads outside the tile folder; it was not read."))
                    : new(LocalEntryKind.Ignore, null, null);
        }

        // A folder link inside the root could list a tile twice (or loop): only the real folder is walked.
        if (folder || !image)
        {
            return new(LocalEntryKind.Ignore, null, null);
        }

        var kind = FileKinds.Of(target.FullName);
        return kind == FileKind.Regular
            ? Tile((FileInfo)target, key)
            : new(LocalEntryKind.Tile, null, TileEntryRules.Problem("NotARegularFile", key, $"is a symlink to {FileKinds.Describe(kind)}, not a regular file; it was not opened."));
    }

    private LocalEntry Tile(FileInfo file, string key) =>
        new(LocalEntryKind.Tile, file, TileEntryRules.ProblemOfName(key) ?? rules.ProblemOfSize(key, file.Length));
}
