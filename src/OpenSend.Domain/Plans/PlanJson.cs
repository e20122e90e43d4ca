using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenSend.Domain.Plans;

/// <summary>
/// The plan's JSON form: how the database stores a version, what the API returns and what one LA
/// hands another when a child moves (docs/ehc-plan-json.md). Property names are camelCase, codes
/// and enums are their names ("ASD", "H1", "SocialCare"), dates ISO 8601.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");
}
