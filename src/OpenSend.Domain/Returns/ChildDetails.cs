using OpenSend.Domain.Common;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Returns;

/// <summary>Sex as the DfE's returns record it.</summary>
public enum Sex
{
    Male,
    Female,

    /// <summary>Not known, or not recorded.</summary>
    Unknown,
}

/// <summary>The DfE's main ethnicity codes (school census and SEN2), with their words.</summary>
public static class Ethnicities
{
    public static readonly IReadOnlyList<(string Code, string Name, string Group)> All =
    [
        ("WBRI", "White - White British", "White"),
        ("WIRI", "White - White Irish", "White"),
        ("WIRT", "White - Traveller of Irish heritage", "White"),
        ("WROM", "White - Gypsy/Roma", "White"),
        ("WOTH", "White - Any other White background", "White"),
        ("MWBC", "Mixed - White and Black Caribbean", "Mixed"),
        ("MWBA", "Mixed - White and Black African", "Mixed"),
        ("MWAS", "Mixed - White and Asian", "Mixed"),
        ("MOTH", "Mixed - Any other Mixed background", "Mixed"),
        ("AIND", "Asian - Indian", "Asian"),
        ("APKN", "Asian - Pakistani", "Asian"),
        ("ABAN", "Asian - Bangladeshi", "Asian"),
        ("CHNE", "Asian - Chinese", "Asian"),
        ("AOTH", "Asian - Any other Asian background", "Asian"),
        ("BCRB", "Black - Black Caribbean", "Black"),
        ("BAFR", "Black - Black African", "Black"),
        ("BOTH", "Black - Any other Black background", "Black"),
        ("OOTH", "Any other ethnic group", "Other"),
        ("REFU", "Refused", "Unknown"),
        ("NOBT", "Information not yet obtained", "Unknown"),
    ];

    public static bool IsCode(string? code) => code is not null && All.Any(e => e.Code == code);

    public static string NameOf(string? code) => All.FirstOrDefault(e => e.Code == code).Name ?? "Not recorded";

    /// <summary>The broad group (White, Mixed, Asian, Black, Other, Unknown), as published breakdowns use.</summary>
    public static string GroupOf(string? code) => All.FirstOrDefault(e => e.Code == code).Group ?? "Unknown";
}

/// <summary>
/// The child's details the DfE's SEN2 return needs and the request form does not ask: sex,
/// ethnicity, home postcode, and the unique pupil number (school census) or unique learner number
/// (post-16), or why neither is known. Recorded by the LA; every one may be unknown.
/// </summary>
public sealed record ChildDetails(Sex? Sex, string? Ethnicity, string? Postcode, string? Upn, string? Uln, string? UpnUnknownReason)
{
    public static ChildDetails None { get; } = new(null, null, null, null, null, null);

    /// <summary>The SEN2 reasons a UPN or ULN is not given.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> UpnUnknownReasons =
    [
        ("UN1", "Child is now aged 6 years or over and has never attended a maintained school in England"),
        ("UN2", "Unique pupil number not known: child in education elsewhere"),
        ("UN3", "Child is below compulsory school age and not attending a setting with a UPN"),
        ("UN4", "Young person has left school and has no unique learner number"),
        ("UN5", "Other"),
    ];

    /// <summary>Checks what was entered, so a wrong number is refused here rather than by the DfE's collection.</summary>
    public ChildDetails Validated()
    {
        Require(Ethnicity is null || Ethnicities.IsCode(Ethnicity), "ethnicity", "Select the child's ethnicity from the list.");
        Require(Upn is null || IsUpn(Upn), "upn", "Enter the unique pupil number as it appears on school records: a letter, 11 digits, and a final digit or letter (13 characters), with a valid check letter.");
        Require(Uln is null || IsUln(Uln), "uln", "Enter the unique learner number: 10 digits with a valid check digit.");
        Require(UpnUnknownReason is null || UpnUnknownReasons.Any(r => r.Code == UpnUnknownReason), "upn-unknown-reason", "Select why the UPN or ULN is not known.");
        Require(UpnUnknownReason is null || (Upn is null && Uln is null), "upn-unknown-reason", "Give a reason only when neither the UPN nor the ULN is known.");
        return this with { Postcode = Text.NullIfBlank(Postcode)?.ToUpperInvariant() };
    }

    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>
    /// A unique pupil number: 13 characters, a check letter then 12 characters of which the last may be
    /// a letter (a temporary UPN). The check letter is the sum of each later character's value times
    /// its position (2 to 13), modulo 23, in the DfE's alphabet without I, O and S.
    /// </summary>
    public static bool IsUpn(string upn)
    {
        if (upn.Length != 13 || !upn[1..12].All(char.IsAsciiDigit))
        {
            return false;
        }

        var last = upn[12];
        int lastValue;
        if (char.IsAsciiDigit(last))
        {
            lastValue = last - '0';
        }
        else if (CheckLetters.IndexOf(last) is >= 0 and var index)
        {
            lastValue = index;
        }
        else
        {
            return false;
        }

        var sum = lastValue * 13;
        for (var position = 2; position <= 12; position++)
        {
            sum += (upn[position - 1] - '0') * position;
        }

        return upn[0] == CheckLetters[sum % 23];
    }

    /// <summary>A unique learner number: 10 digits; the last is 10 less (the sum of the first nine times 10 down to 2, modulo 11), and never 10.</summary>
    public static bool IsUln(string uln)
    {
        if (uln.Length != 10 || !uln.All(char.IsAsciiDigit) || uln[0] == '0')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (uln[i] - '0') * (10 - i);
        }

        var check = 10 - (sum % 11);
        return check != 10 && uln[9] - '0' == check % 11;
    }
}
