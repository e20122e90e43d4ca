using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenSend.Web.GovUk;

/// <summary>
/// The three boxes of the GOV.UK date input, as typed. Kept as text so that what someone typed is
/// shown back to them unchanged when it is wrong.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The parts left blank, in order; the error summary links to the first one.</summary>
    public IReadOnlyList<string> MissingParts()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day)) missing.Add("day");
        if (string.IsNullOrWhiteSpace(Month)) missing.Add("month");
        if (string.IsNullOrWhiteSpace(Year)) missing.Add("year");
        return missing.Count == 3 ? [] : missing;
    }

    /// <summary>
    /// Checks the date the GOV.UK way and adds the error to <paramref name="modelState"/> under
    /// <paramref name="key"/>. <paramref name="what"/> names the date in the message, starting with a
    /// capital: "The date the request was received".
    /// </summary>
    public DateOnly? Validate(ModelStateDictionary modelState, string key, string what, DateOnly? notAfter = null, DateOnly? notBefore = null)
    {
        var error = Check(what, notAfter, notBefore, out var date);
        if (error is not null)
        {
            modelState.AddModelError(key, error);
            return null;
        }

        return date;
    }

    private string? Check(string what, DateOnly? notAfter, DateOnly? notBefore, out DateOnly date)
    {
        date = default;
        var lower = char.ToLowerInvariant(what[0]) + what[1..];
        if (IsEmpty)
        {
            return $"Enter {StripArticle(lower)}";
        }

        var missing = MissingParts();
        if (missing.Count > 0)
        {
            return $"{what} must include {(missing.Count == 1 ? "a " + missing[0] : $"a {missing[0]} and {missing[1]}")}";
        }

        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return $"{what} must be a real date";
        }

        if (Year!.Trim().Length != 4)
        {
            return $"Year must include 4 numbers";
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"{what} must be a real date";
        }

        date = new DateOnly(year, month, day);
        if (notAfter is { } latest && date > latest)
        {
            return $"{what} must be today or in the past";
        }

        if (notBefore is { } earliest && date < earliest)
        {
            return $"{what} must be on or after {OpenSend.Domain.Common.UkCalendar.InWords(earliest)}";
        }

        return null;
    }

    private static string StripArticle(string text) => text.StartsWith("the ", StringComparison.Ordinal) ? "the " + text[4..] : text;
}
