using System.Globalization;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// Tiles in a local folder tree. Listing is one depth-first walk in ordinal order of the refs (<see cref="FolderWalk"/>),
/// so a page's continuation token is simply the last ref returned: listing streams (one folder's names per depth in
/// memory), reads each folder once however many pages it spans, and a resumed listing is stable. Each entry goes
/// through <see cref="LocalEntryRules"/>: a symlink that leads out of the root, a FIFO or device, a bad name or a file
/// over the cap is listed as a counted error row and never read.
/// </summary>
public sealed class LocalFolderTileStore : ITileStore
{
    private readonly string _root;
    private readonly ParkedWalks _parked = new();
    private readonly LocalEntryRules _entries;

    public LocalFolderTileStore(string root, TileEntryRules? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Tile folder '{root}' does not exist.");
        }

        _root = RealPath(full);
        _entries = new LocalEntryRules(IsUnderRoot, rules ?? TileEntryRules.Default);
    }

    public string Description => _root;

    /// <summary>The real (symlink-resolved) root folder.</summary>
    public string Root => _root;

    /// <summary>
    /// One page of the walk. The walk that listed the previous page waits, parked under its token, so the next page
    /// continues it without reading a folder twice; a token no walk waits under (another process, a retry) starts a
    /// walk after it, which reads only the folders on the token's path to find its place.
    /// </summary>
    public Task<TilePage> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = string.IsNullOrEmpty(continuationToken) ? null : TileRefs.Normalize(continuationToken);
        var walk = (after is null ? null : _parked.Take(after)) ?? new FolderWalk(_root, after, Classify, EntryOf);
        var tiles = new List<TileEntry>(Math.Min(pageSize, 4096));
        while (tiles.Count < pageSize && walk.TryTake(out var tile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tiles.Add(tile);
        }

        if (tiles.Count == 0 || !walk.TryPeek(out _))
        {
            return Task.FromResult(new TilePage(tiles, null));
        }

        _parked.Park(walk.Last!, walk);
        return Task.FromResult(new TilePage(tiles, walk.Last));
    }

    public async Task<TileContent> ReadAsync(string tileRef, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(tileRef);
        var path = Resolve(normalized);
        _entries.CheckReadable(path, normalized);
        var version = VersionOf(new FileInfo(path));
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new TileContent(normalized, bytes, version);
    }

    public async Task<TileContent> ReadPooledAsync(string tileRef, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(tileRef);
        var path = Resolve(normalized);
        _entries.CheckReadable(path, normalized);
        var version = VersionOf(new FileInfo(path));
        var bytes = await Scoring.Imaging.PooledBytes.ReadFileAsync(path, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return new TileContent(normalized, bytes.Memory, version) { Lease = bytes };
    }

    public async Task<byte[]?> TryReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(relativePath);
        var path = Resolve(normalized);
        if (FileKinds.Of(path) == FileKind.Missing)
        {
            return null;
        }

        _entries.CheckReadable(path, normalized);
        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public Uri? TryGetUri(string tileRef) => null;

    /// <summary>The content version of a local file: size and last-write time, which change whenever the bytes do.</summary>
    internal static string VersionOf(FileInfo info) =>
        string.Create(CultureInfo.InvariantCulture, $"{info.Length}-{info.LastWriteTimeUtc.Ticks}");

    /// <summary>Maps a normalized ref to a real path, refusing any symlink on the way that leads out of the root.</summary>
    internal string Resolve(string normalizedRef)
    {
        var current = _root;
        foreach (var segment in normalizedRef.Split('/'))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
                if (!IsUnderRoot(target))
                {
                    throw new UnauthorizedAccessException($"Tile ref '{normalizedRef}' follows a symlink out of the store root '{_root}'.");
                }

                next = target;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// The walk's one per-entry decision: a folder to walk, an image to list, or nothing. Symlinks go through the entry
    /// rules: followed only to a file inside the root (in-root folder links could list a tile twice, or loop), listed as
    /// error rows when they lead out of it or nowhere.
    /// </summary>
    private FolderChild? Classify(string folder, string name, bool isDirectory, bool isLink)
    {
        var path = Path.Combine(folder, name);
        if (isLink)
        {
            // Links are the rules' business (in-root file links list their target; out-of-root or broken ones are error rows).
            return _entries.Classify(InfoOf(path), name).Kind switch
            {
                LocalEntryKind.Folder => new FolderChild(name, IsFolder: true),
                LocalEntryKind.Tile => new FolderChild(name, IsFolder: false),
                _ => null,
            };
        }

        // By name alone (no stat per entry): the tile's own checks run once, in EntryOf.
        return isDirectory ? new FolderChild(name, IsFolder: true)
            : TileRefs.IsImage(name) ? new FolderChild(name, IsFolder: false)
            : null;
    }

    /// <summary>The listed tile for a file the walk reached, through the entry rules (a problem makes it an error row); null when the rules ignore it.</summary>
    private TileEntry? EntryOf(string path, string tileRef)
    {
        var entry = _entries.Classify(InfoOf(path), tileRef);
        if (entry.Kind != LocalEntryKind.Tile)
        {
            return null;
        }

        return entry.File is { } file
            ? new TileEntry(tileRef, VersionOf(file), file.Length) { Problem = entry.Problem }
            : new TileEntry(tileRef, "", 0) { Problem = entry.Problem };
    }

    /// <summary>A directory's info when the path is one (or links to one), else a file's: what the entry rules expect.</summary>
    private static FileSystemInfo InfoOf(string path) => Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);

    private bool IsUnderRoot(string path)
    {
        var real = RealPath(path);
        return real == _root || real.StartsWith(_root.EndsWith('/') ? _root : _root + "/", StringComparison.Ordinal);
    }

    private static string RealPath(string path)
    {
        // Resolve links component by component so a linked parent folder is seen through as well.
        var full = Path.GetFullPath(path);
        var rootOfPath = Path.GetPathRoot(full) ?? "/";
        var current = rootOfPath;
        foreach (var segment in full[rootOfPath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = RealPath(target.FullName);
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }
}
