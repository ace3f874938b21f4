using System.IO.Enumeration;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// One depth-first walk of a folder tree in ordinal order of the refs it yields, reading each folder once, when the walk
/// enters it (its names sorted, one folder per depth in memory). Started after a ref (a continuation token), it reads
/// only the folders on that ref's path to find its place, so a resumed listing goes on exactly where it stopped.
/// Sorting a folder's children by name, with "/" after a folder's name, makes depth-first order the ordinal order of
/// the full refs.
/// </summary>
internal sealed class FolderWalk
{
    private readonly Stack<Frame> _frames = new();
    private readonly FolderChildRule _classify;
    private readonly Func<string, string, TileEntry?> _entryOf;
    private TileEntry? _next;

    /// <param name="root">The real root folder.</param>
    /// <param name="after">Yield only refs after this one (ordinal); null for the whole tree.</param>
    /// <param name="classify">The one per-entry decision: a child to walk or list, or null to skip it.</param>
    /// <param name="entryOf">The listed tile for (file path, ref), or null when the file went away.</param>
    public FolderWalk(string root, string? after, FolderChildRule classify, Func<string, string, TileEntry?> entryOf)
    {
        _classify = classify;
        _entryOf = entryOf;
        Seek(root, "", after);
    }

    /// <summary>The ref of the last tile taken (what a continuation token names).</summary>
    public string? Last { get; private set; }

    /// <summary>The next tile without taking it; false at the end of the tree.</summary>
    public bool TryPeek(out TileEntry entry)
    {
        _next ??= Advance();
        entry = _next!;
        return _next is not null;
    }

    /// <summary>Takes the next tile; false at the end of the tree.</summary>
    public bool TryTake(out TileEntry entry)
    {
        if (!TryPeek(out entry))
        {
            return false;
        }

        _next = null;
        Last = entry.Ref;
        return true;
    }

    private void Seek(string folder, string prefix, string? after)
    {
        var frame = Open(folder, prefix);
        _frames.Push(frame);
        if (after is null)
        {
            return;
        }

        // Skip every child whose refs all sort at or before `after`; descend into the folder that holds `after`.
        while (frame.Index < frame.Children.Length)
        {
            var child = frame.Children[frame.Index];
            var key = prefix + child.Key;
            if (child.IsFolder && after.StartsWith(key, StringComparison.Ordinal))
            {
                frame.Index++;
                Seek(Path.Combine(folder, child.Name), key, after);
                return;
            }

            if (string.CompareOrdinal(key, after) > 0)
            {
                return;
            }

            frame.Index++;
        }
    }

    private TileEntry? Advance()
    {
        while (_frames.TryPeek(out var frame))
        {
            if (frame.Index >= frame.Children.Length)
            {
                _frames.Pop();
                continue;
            }

            var child = frame.Children[frame.Index++];
            var path = Path.Combine(frame.Folder, child.Name);
            if (child.IsFolder)
            {
                _frames.Push(Open(path, frame.Prefix + child.Key));
                continue;
            }

            if (_entryOf(path, frame.Prefix + child.Key) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    private Frame Open(string folder, string prefix)
    {
        var children = new List<FolderChild>();
        // Names and types come from the directory read itself: no per-entry stat (links are the rule's business).
        var names = new FileSystemEnumerable<(string Name, bool IsDirectory, bool IsLink)>(
            folder,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        });
        foreach (var (name, isDirectory, isLink) in names)
        {
            if (_classify(folder, name, isDirectory, isLink) is { } child)
            {
                children.Add(child);
            }
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new Frame(folder, prefix, [.. children]);
    }

    private sealed class Frame(string folder, string prefix, FolderChild[] children)
    {
        public string Folder { get; } = folder;

        public string Prefix { get; } = prefix;

        public FolderChild[] Children { get; } = children;

        public int Index { get; set; }
    }
}

/// <summary>The walk's one per-entry decision: what a directory entry is to the listing (a folder, a tile), or null to skip it.</summary>
internal delegate FolderChild? FolderChildRule(string folder, string name, bool isDirectory, bool isLink);

/// <summary>A child of a folder the walk keeps: a folder to descend into, or a tile file; its sort key is its name, plus "/" for a folder.</summary>
internal sealed record FolderChild(string Name, bool IsFolder)
{
    public string Key { get; } = IsFolder ? Name + "/" : Name;
}
