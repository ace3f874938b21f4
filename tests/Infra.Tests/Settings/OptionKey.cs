using System.ComponentModel;
using System.Reflection;

namespace LandUse.Infra.Tests.Settings;

/// <summary>One setting an app binds at run time: its environment-variable form and the CLR type it converts to.</summary>
public sealed record OptionKey(string Key, Type ValueType, Type OptionsType)
{
    public override string ToString() => $"{Key} ({OptionsType.Name})";

    /// <summary>
    /// Every key the options records in <paramref name="assemblyNames"/> bind: types with a <c>SectionName</c>
    /// constant, their settable properties as <c>Section__Property</c>, nested records as <c>Section__Nested__Property</c>.
    /// </summary>
    public static IReadOnlyList<OptionKey> From(params string[] assemblyNames) =>
    [
        .. assemblyNames
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (type, section: SectionOf(type)))
            .Where(pair => pair.section is not null)
            .SelectMany(pair => Walk(pair.type, pair.section!, pair.type, [])),
    ];

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
            ? (string?)field.GetRawConstantValue()
            : null;

    // Mirrors ConfigurationBinder: a type a TypeConverter reads from a string is a leaf; other classes are sections.
    private static IEnumerable<OptionKey> Walk(Type type, string prefix, Type optionsType, HashSet<Type> path)
    {
        if (!path.Add(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var key = $"{prefix}__{property.Name}";
            if (IsLeaf(valueType))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    yield return new OptionKey(key, valueType, optionsType);
                }
            }
            else if (valueType.IsClass)
            {
                foreach (var nested in Walk(valueType, key, optionsType, path))
                {
                    yield return nested;
                }
            }
        }

        path.Remove(type);
    }

    private static bool IsLeaf(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
}
