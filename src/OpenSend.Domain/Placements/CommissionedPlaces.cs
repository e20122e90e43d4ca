using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Placements;

/// <summary>The kinds of specialist place an LA commissions.</summary>
public enum PlaceKind
{
    ResourcedProvision,
    SenUnit,
    SpecialSchool,

    /// <summary>Places an LA buys at independent and non-maintained special schools.</summary>
    IndependentOrNonMaintained,
    AlternativeProvision,
    PostSixteen,
}

/// <summary>
/// The places an LA commissions at one setting for one kind of provision and, where it sets one,
/// one need: GIAS gives a unit's capacity, not who pays for which places. Naming a child's place
/// fills one, beyond the commissioned number if need be (a full school is no ground for not naming
/// it: s.39(4), s.43); what is available never goes below none.
/// </summary>
public sealed class CommissionedPlaces
{
    private CommissionedPlaces()
    {
        LaCode = SettingUrn = string.Empty;
    }

    public CommissionedPlaces(Guid id, string laCode, string settingUrn, PlaceKind kind, Sen2NeedType? need, DateTimeOffset now)
    {
        Id = id;
        LaCode = laCode;
        SettingUrn = settingUrn;
        Kind = kind;
        Need = need;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The commissioning LA (tenant key): another LA's places at the same setting are its own.</summary>
    public string LaCode { get; private set; }

    public string SettingUrn { get; private set; }

    public PlaceKind Kind { get; private set; }

    /// <summary>The need the places are for; null for places open to any need.</summary>
    public Sen2NeedType? Need { get; private set; }

    public int Commissioned { get; private set; }

    public int Filled { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency; naming a place also moves it.</summary>
    public int Version { get; private set; }

    public int Available => Math.Max(0, Commissioned - Filled);

    /// <summary>The LA records how many places it commissions and how many are filled.</summary>
    public void Set(int commissioned, int filled, DateTimeOffset now)
    {
        if (commissioned is < 0 or > 10_000)
        {
            throw new StepRefusedException("places-commissioned", "Enter the number of places commissioned, from 0 to 10,000.");
        }

        // More can be filled than commissioned: a full school is not a ground for refusing to name it
        // (s.39(4), s.43), so children named beyond the commissioned places count here for sufficiency.
        if (filled is < 0 or > 10_000)
        {
            throw new StepRefusedException("places-filled", "Enter the number of places filled, from 0 to 10,000.");
        }

        Commissioned = commissioned;
        Filled = filled;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>
/// A setting an LA lists as suitable for its tailored lists: the local inclusion plan's list of
/// available provision (green paper ch.2 para 24), kept by the LA until local SEND partnerships
/// publish their plans.
/// </summary>
public sealed class SuitableSetting
{
    private SuitableSetting()
    {
        LaCode = SettingUrn = AddedBy = string.Empty;
    }

    public SuitableSetting(string laCode, string settingUrn, string? note, string addedBy, DateTimeOffset addedAt)
    {
        LaCode = laCode;
        SettingUrn = settingUrn;
        Note = Text.NullIfBlank(note);
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public string LaCode { get; private set; }

    public string SettingUrn { get; private set; }

    public string? Note { get; private set; }

    public string AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
