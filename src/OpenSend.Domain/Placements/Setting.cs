using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Placements;

/// <summary>Where a setting's details come from.</summary>
public enum SettingSource
{
    /// <summary>Get Information About Schools, the DfE's register, keyed by URN.</summary>
    Gias,

    /// <summary>Added by an LA: a provider GIAS does not hold (a post-16 provider by UKPRN, an independent specialist provider).</summary>
    LocalAuthority,
}

/// <summary>GIAS's establishment status.</summary>
public enum SettingStatus
{
    Open,
    OpenProposedToClose,
    ProposedToOpen,
    Closed,
}

/// <summary>
/// The kinds of setting a tailored list orders (mainstream first, then specialist provision in a
/// mainstream school, special, independent), and those it leaves out. Derived from GIAS's type.
/// </summary>
public enum SettingCategory
{
    /// <summary>State-funded mainstream schools: community, foundation, voluntary, academies, free schools, nurseries.</summary>
    Mainstream,

    /// <summary>State-funded special schools and academies (GIAS types 7, 12, 33, 36, 44).</summary>
    Special,

    /// <summary>Non-maintained special schools (type 8).</summary>
    NonMaintainedSpecial,

    /// <summary>Independent special schools (type 10), some approved under s.41.</summary>
    IndependentSpecial,

    /// <summary>Other independent schools (type 11).</summary>
    Independent,

    /// <summary>Pupil referral units and AP academies and free schools (types 14, 38, 42, 43).</summary>
    AlternativeProvision,

    /// <summary>Further education and sixth form colleges, 16–19 academies, special post-16 institutions (types 18, 31, 32, 39, 45, 46, 57).</summary>
    PostSixteen,

    /// <summary>Anything else GIAS lists: universities, secure units, offshore and overseas schools, online providers.</summary>
    Other,
}

/// <summary>Specialist provision inside a mainstream school (GIAS TypeOfResourcedProvision).</summary>
[Flags]
public enum SpecialistProvision
{
    None = 0,
    ResourcedProvision = 1,
    SenUnit = 2,
}

/// <summary>
/// A school, college or other provider in the settings register: what GIAS says about it (imported
/// unchanged and re-imported as it changes), or what an LA recorded for a provider GIAS lacks. It is
/// public register data, not a child's, so it carries no tenant key.
/// </summary>
public sealed class Setting
{
    private Setting()
    {
        Urn = Name = TypeName = Phase = CatersForCodes = string.Empty;
    }

    public Setting(string urn, SettingSource source, string name)
    {
        Urn = urn;
        Source = source;
        Name = name;
        TypeName = Phase = CatersForCodes = string.Empty;
    }

    /// <summary>The URN for a GIAS establishment; "UKPRN-" and the UKPRN for a provider an LA added.</summary>
    public string Urn { get; private set; }

    public SettingSource Source { get; private set; }

    public string Name { get; private set; }

    /// <summary>The LA the setting is in (GIAS "LA (code)").</summary>
    public string? LaCode { get; set; }

    public int? TypeCode { get; set; }

    public string TypeName { get; set; }

    public SettingCategory Category { get; set; }

    public SettingStatus Status { get; set; }

    public DateOnly? OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>GIAS phase of education ("Primary", "Secondary", "All-through", "Nursery", "16 plus", "Not applicable").</summary>
    public string Phase { get; set; }

    /// <summary>The youngest age the setting takes (GIAS StatutoryLowAge).</summary>
    public int? LowAge { get; set; }

    /// <summary>The age its oldest pupils reach (GIAS StatutoryHighAge): a primary school's is 11.</summary>
    public int? HighAge { get; set; }

    public int? Capacity { get; set; }

    public int? Pupils { get; set; }

    /// <summary>The SEN provision types GIAS says it caters for (SEN1–SEN13), as SEN2 need types.</summary>
    public IReadOnlyList<Sen2NeedType> CatersFor
    {
        get => CatersForCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Sen2NeedType>).ToList();
        set => CatersForCodes = value.Count == 0 ? string.Empty : $",{string.Join(',', value.Distinct().Order())},";
    }

    /// <summary>
    /// <see cref="CatersFor"/> as stored: ",ASD,SEMH," so a search for a need is a substring match
    /// both providers can run (<see cref="CatersForCode"/>).
    /// </summary>
    public string CatersForCodes { get; private set; }

    /// <summary>How a need appears in <see cref="CatersForCodes"/>.</summary>
    public static string CatersForCode(Sen2NeedType need) => $",{need},";

    public SpecialistProvision Specialist { get; set; }

    public int? ResourcedProvisionCapacity { get; set; }

    public int? ResourcedProvisionOnRoll { get; set; }

    public int? SenUnitCapacity { get; set; }

    public int? SenUnitOnRoll { get; set; }

    /// <summary>An independent special school approved under s.41: a family may ask for it as for a maintained school (s.38(3)(i)).</summary>
    public bool Section41Approved { get; set; }

    public string? Ukprn { get; set; }

    public string? Street { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    /// <summary>British National Grid, metres.</summary>
    public int? Easting { get; set; }

    public int? Northing { get; set; }

    /// <summary>The URN of the establishment this one replaced (an academy conversion: a new URN, the old school closed).</summary>
    public string? PredecessorUrn { get; set; }

    public DateOnly? LastChangedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status is SettingStatus.Open or SettingStatus.OpenProposedToClose;

    /// <summary>
    /// A setting of the kinds s.38(3) lists, which a family may ask to be named and the LA must then
    /// name unless s.39(4) applies: maintained schools and nurseries, academies, non-maintained special
    /// schools, further education institutions, and s.41-approved independent schools.
    /// </summary>
    public bool IsSection38Setting => Category switch
    {
        SettingCategory.Mainstream or SettingCategory.Special or SettingCategory.NonMaintainedSpecial => true,
        // s.38(3)(i), s.41: a special post-16 institution (GIAS type 32) only when the Secretary of
        // State has approved it; its type alone gives no right to ask for it.
        SettingCategory.PostSixteen => TypeCode is not SpecialPostSixteenInstitution || Section41Approved,
        // AP academies and free schools are academies; a pupil referral unit is not a maintained school.
        SettingCategory.AlternativeProvision => TypeCode is not 14,
        SettingCategory.IndependentSpecial or SettingCategory.Independent => Section41Approved,
        _ => false,
    };

    /// <summary>A mainstream school or post-16 institution, for the presumption of mainstream education (s.33).</summary>
    public bool IsMainstream => Category is SettingCategory.Mainstream
        || (Category == SettingCategory.PostSixteen && TypeCode is not SpecialPostSixteenInstitution);

    /// <summary>GIAS's type for a special post-16 institution.</summary>
    public const int SpecialPostSixteenInstitution = 32;

    /// <summary>The ages a setting takes, which say when its pupils move on (reviews' phase transfers).</summary>
    public Reviews.SettingAgeRange? AgeRange => LowAge is { } low && HighAge is { } high ? new Reviews.SettingAgeRange(low, high) : null;

    /// <summary>Whether a child who is <paramref name="age"/> on 1 September of the year they would start fits the setting's ages.</summary>
    public bool TakesAge(int age) => LowAge is null || HighAge is null || (age >= LowAge && age < HighAge);

    /// <summary>Straight-line distance in kilometres between two British National Grid points.</summary>
    public double? KilometresFrom(GridPoint? home) => home is { } h && Easting is { } e && Northing is { } n
        ? Math.Round(Math.Sqrt(Math.Pow(e - h.Easting, 2) + Math.Pow(n - h.Northing, 2)) / 1000.0, 1)
        : null;

    /// <summary>Copies what an import brings, reporting whether anything changed.</summary>
    public bool UpdateFrom(Setting imported, DateTimeOffset now)
    {
        var changed = Name != imported.Name || LaCode != imported.LaCode || TypeCode != imported.TypeCode || TypeName != imported.TypeName
            || Category != imported.Category || Status != imported.Status || OpenedOn != imported.OpenedOn || ClosedOn != imported.ClosedOn
            || Phase != imported.Phase || LowAge != imported.LowAge || HighAge != imported.HighAge || Capacity != imported.Capacity || Pupils != imported.Pupils
            || CatersForCodes != imported.CatersForCodes || Specialist != imported.Specialist
            || ResourcedProvisionCapacity != imported.ResourcedProvisionCapacity || ResourcedProvisionOnRoll != imported.ResourcedProvisionOnRoll
            || SenUnitCapacity != imported.SenUnitCapacity || SenUnitOnRoll != imported.SenUnitOnRoll || Section41Approved != imported.Section41Approved
            || Ukprn != imported.Ukprn || Street != imported.Street || Town != imported.Town || Postcode != imported.Postcode
            || Easting != imported.Easting || Northing != imported.Northing || PredecessorUrn != imported.PredecessorUrn || LastChangedOn != imported.LastChangedOn;
        if (!changed)
        {
            return false;
        }

        Name = imported.Name;
        LaCode = imported.LaCode;
        TypeCode = imported.TypeCode;
        TypeName = imported.TypeName;
        Category = imported.Category;
        Status = imported.Status;
        OpenedOn = imported.OpenedOn;
        ClosedOn = imported.ClosedOn;
        Phase = imported.Phase;
        LowAge = imported.LowAge;
        HighAge = imported.HighAge;
        Capacity = imported.Capacity;
        Pupils = imported.Pupils;
        CatersForCodes = imported.CatersForCodes;
        Specialist = imported.Specialist;
        ResourcedProvisionCapacity = imported.ResourcedProvisionCapacity;
        ResourcedProvisionOnRoll = imported.ResourcedProvisionOnRoll;
        SenUnitCapacity = imported.SenUnitCapacity;
        SenUnitOnRoll = imported.SenUnitOnRoll;
        Section41Approved = imported.Section41Approved;
        Ukprn = imported.Ukprn;
        Street = imported.Street;
        Town = imported.Town;
        Postcode = imported.Postcode;
        Easting = imported.Easting;
        Northing = imported.Northing;
        PredecessorUrn = imported.PredecessorUrn;
        LastChangedOn = imported.LastChangedOn;
        UpdatedAt = now;
        return true;
    }

    /// <summary>GIAS's establishment type code, as a tailored list groups it (../shared/spec/gias.md).</summary>
    public static SettingCategory CategoryOf(int typeCode) => typeCode switch
    {
        7 or 12 or 33 or 36 or 44 => SettingCategory.Special,
        8 => SettingCategory.NonMaintainedSpecial,
        10 => SettingCategory.IndependentSpecial,
        11 => SettingCategory.Independent,
        14 or 38 or 42 or 43 => SettingCategory.AlternativeProvision,
        18 or 31 or 32 or 39 or 45 or 46 or 57 => SettingCategory.PostSixteen,
        1 or 2 or 3 or 5 or 6 or 15 or 28 or 34 or 35 or 40 or 41 => SettingCategory.Mainstream,
        _ => SettingCategory.Other,
    };
}

/// <summary>A point on the British National Grid (metres), as GIAS gives settings' locations.</summary>
public readonly record struct GridPoint(int Easting, int Northing);
