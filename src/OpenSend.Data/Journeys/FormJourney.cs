namespace OpenSend.Data.Journeys;

/// <summary>
/// The answers so far of a multi-page form (GOV.UK "one thing per page"), kept server-side so
/// nothing a family types is lost between pages and nothing sensitive travels in cookies or URLs.
/// Unfinished journeys are deleted after <see cref="Lifetime"/>.
/// </summary>
public sealed class FormJourney
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private FormJourney()
    {
        Id = Kind = StateJson = string.Empty;
    }

    public FormJourney(string id, string kind, string stateJson, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        StateJson = stateJson;
        CreatedAt = UpdatedAt = now;
    }

    /// <summary>An unguessable key carried in the URL of each page of the journey.</summary>
    public string Id { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The LA the answers concern, once known (the tenant key; null until the council is chosen).</summary>
    public string? LaCode { get; private set; }

    public string StateJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsExpired(DateTimeOffset now) => now - UpdatedAt > Lifetime;

    public void Update(string stateJson, string? laCode, DateTimeOffset now)
    {
        StateJson = stateJson;
        LaCode = laCode;
        UpdatedAt = now;
    }
}
