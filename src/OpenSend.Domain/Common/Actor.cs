namespace OpenSend.Domain.Common;

/// <summary>Who did something: recorded with every step and every audit entry.</summary>
public sealed record Actor(string UserId, string DisplayName, string Role, string? Organisation)
{
    /// <summary>The family or a setting using the public request form, before any account exists.</summary>
    public static Actor PublicRequester(string displayName) => new("public", displayName, "Requester", null);

    public static Actor System { get; } = new("system", "OpenSEND", "System", null);
}
