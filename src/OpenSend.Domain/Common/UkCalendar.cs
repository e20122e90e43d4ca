using System.Globalization;

namespace OpenSend.Domain.Common;

/// <summary>
/// Statutory dates are calendar dates in England. "Today" is the date on the wall in London,
/// not in UTC: a decision recorded at 00:30 BST on 1 April belongs to 1 April.
/// </summary>
public static class UkCalendar
{
    private static readonly TimeZoneInfo London = FindLondon();

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>The instant a day begins in London (midnight GMT or BST).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>GOV.UK style: "5 January 2026" (no leading zero, full month).</summary>
    public static string InWords(DateOnly date) =>
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string InWords(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London).ToString("d MMMM yyyy 'at' h:mmtt", CultureInfo.InvariantCulture)
            .Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tzdata, GMT with the UK's rules is the closest safe fallback.
            return TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");
        }
    }
}
